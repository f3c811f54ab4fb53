// A written line of arithmetic as parts a widget can draw: plain text, or e raised to a power
// (drawn as a superscript), and the line cut into segments that each end with "=", so it wraps
// after an equals sign and never inside an expression.

import { eq } from './toy-mlp.ts';

/** A piece of a written line: plain text, or e raised to a power. */
export type LinePart = string | { exp: string };

/** A line's parts as plain text, e^x written with a caret: for tests and announcements. */
export const plainLine = (parts: readonly LinePart[]) => parts.map((p) => (typeof p === 'string' ? p : `e^${p.exp}`)).join('');

/** The line cut after each " =": segments to keep whole, with a break allowed only between them. */
export function segments(parts: readonly LinePart[]): LinePart[][] {
  const out: LinePart[][] = [[]];
  for (const part of parts) {
    if (typeof part !== 'string') {
      out[out.length - 1].push(part);
      continue;
    }
    const pieces = part.split(eq);
    pieces.forEach((piece, i) => {
      const last = i === pieces.length - 1;
      const text = last ? piece : `${piece}${eq.trimEnd()}`;
      if (text) out[out.length - 1].push(text);
      if (!last) out.push([]);
    });
  }
  return out.filter((s) => s.length > 0);
}

/** A long sum cut before each " + " and " − " (binary, spaced; a sign is not spaced): "a + b − c" → ["a", "+ b", "− c"]. */
export function sumTerms(text: string): string[] {
  return text.split(/ (?=[+\u2212] )/);
}
