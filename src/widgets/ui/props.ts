// Props that MDX passes to a widget are checked against the widget's schema when the page is
// built: a wrong prop stops the build with a message naming the widget, the prop and what was
// expected, instead of a figure that quietly shows something else.
//
// A widget checks only while rendering on the server (`if (import.meta.env.SSR)`), and its
// schema is built by a function, so neither the check nor zod reaches the browser.

import type { z } from 'astro/zod';

/** What went wrong with one prop: its path ("xs.1"), what was expected, what came. */
export type PropProblem = { prop: string; expected: string };

/** The problems zod found, one per prop, in words a chapter author can act on. */
export function propProblems(error: z.ZodError): PropProblem[] {
  return error.issues.map((issue) => {
    const prop = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the props)';
    if (issue.code === 'unrecognized_keys') return { prop: issue.keys.join(', '), expected: 'no such prop (remove it or check its spelling)' };
    return { prop, expected: issue.message };
  });
}

/** The message a build stops with for these problems. */
export function propsMessage(widget: string, problems: readonly PropProblem[]): string {
  const lines = problems.map((p) => `  ${p.prop}: ${p.expected}`);
  return `<${widget}> got ${problems.length === 1 ? 'a bad prop' : `${problems.length} bad props`}:\n${lines.join('\n')}`;
}

/** Check a widget's props against its schema; throw (stopping the build) with a readable message if they do not fit. */
export function parseProps<S extends z.ZodType>(widget: string, schema: S, props: Record<string, unknown>): z.output<S> {
  // a prop given as undefined is one not given; Svelte's slot bookkeeping and the attribute
  // Astro adds for scoped styles (data-astro-cid-…) are not the author's props
  const given = Object.fromEntries(Object.entries(props).filter(([k, v]) => v !== undefined && !k.startsWith('$$') && !k.startsWith('data-astro-')));
  const result = schema.safeParse(given);
  if (!result.success) throw new Error(propsMessage(widget, propProblems(result.error)));
  return result.data;
}
