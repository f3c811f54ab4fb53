// The whole program's code, highlighted at build time with the chapters' themes, one piece of a
// file at a time (so a token spanning lines keeps its colour), then cut into lines: the page
// lays the lines out group by group, TypeScript and Python side by side.

import { codeToHast, hastToHtml, type ShikiTransformer } from 'shiki';
import { codeThemes, codeTransformers } from '../code-highlight.ts';
import type { ListingBlock } from './listing.ts';

/** A highlighted listing: each line's HTML (a span.line with its properties), and the pre's look. */
export type HighlightedListing = { lines: Map<number, string>; preClass: string; preStyle: string };

/** The properties each line's element gets, from its number in the listing (from 1). */
export type LineProps = (n: number) => Record<string, string | undefined>;

/** Highlight every block of a listing and return its lines by number. */
export async function highlightListing(blocks: readonly ListingBlock[], lang: 'ts' | 'python', props: LineProps): Promise<HighlightedListing> {
  const lines = new Map<number, string>();
  let preClass = '';
  let preStyle = '';
  for (const b of blocks) {
    const collect: ShikiTransformer = {
      name: 'program-cut-lines',
      line(node, line) {
        const extra = props(b.firstN + line - 1);
        for (const [k, v] of Object.entries(extra)) if (v !== undefined) node.properties[k] = v;
      },
      pre(node) {
        preClass = `astro-code ${String((node.properties.class as string | undefined) ?? '')}`.trim();
        preStyle = String(node.properties.style ?? '');
      },
    };
    const root = await codeToHast(b.code, { lang, themes: codeThemes, transformers: [...codeTransformers, collect] });
    const pre = root.children[0];
    const code = pre?.type === 'element' ? pre.children[0] : undefined;
    if (code?.type !== 'element') throw new Error(`The whole program: no code element for ${b.file} #${b.region}`);
    const lineEls = code.children.filter((c) => c.type === 'element');
    if (lineEls.length !== b.lines.length) throw new Error(`The whole program: ${b.file} #${b.region} highlighted to ${lineEls.length} lines, not ${b.lines.length}`);
    lineEls.forEach((el, i) => lines.set(b.firstN + i, hastToHtml(el)));
  }
  return { lines, preClass, preStyle };
}
