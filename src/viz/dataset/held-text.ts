// A text too large to show in the dataset box (src/widgets/ui/text-limit.ts holds it out of
// the field): what the box shows in its place. Everything here reads the text once, front to
// back, and allocates only what it returns, so a megabyte costs milliseconds.

import { bytes, int } from '../shared/format.ts';
import { utf8Length } from '../shared/utf8.ts';

/** What the box says about held text. */
export type HeldSummary = {
  /** Lines as a reader counts them: a last line break ends the last line, it does not start one. */
  lines: number;
  /** Size in UTF-8, the unit of the dataset's size limit. */
  bytes: number;
  /** The first lines, each cut short to be shown. */
  preview: string[];
  /** More lines follow the preview. */
  more: boolean;
};

const lf = 0x0a;
const cr = 0x0d;

/** Lines of `text`: a line ends at \n, \r\n or a lone \r, as splitLines reads them; 0 for ''. */
export function countLines(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === lf || (c === cr && text.charCodeAt(i + 1) !== lf)) breaks++;
  }
  const last = text.charCodeAt(text.length - 1);
  return text.length === 0 ? 0 : breaks + (last === lf || last === cr ? 0 : 1);
}

/** `line` cut to at most `width` characters (code points), with an ellipsis when cut. */
function cut(line: string, width: number): string {
  const points = [...line.slice(0, 2 * width + 2)]; // never spread more than twice the width in UTF-16
  return points.length > width ? `${points.slice(0, width).join('')}…` : points.join('');
}

/** The first `count` lines of `text`, each cut to `width` characters, and whether more follow. */
export function previewLines(text: string, count = 3, width = 60): { lines: string[]; more: boolean } {
  const lines: string[] = [];
  let at = 0;
  while (lines.length < count && at < text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== lf && text.charCodeAt(end) !== cr) end++;
    lines.push(cut(text.slice(at, end), width));
    at = end + (text.charCodeAt(end) === cr && text.charCodeAt(end + 1) === lf ? 2 : 1);
  }
  return { lines, more: at < text.length };
}

/** What the box shows for held text. */
export function heldSummary(text: string): HeldSummary {
  const { lines: preview, more } = previewLines(text);
  return { lines: countLines(text), bytes: utf8Length(text), preview, more };
}

/** The summary in one short sentence: “Pasted: 125,000 lines, 976.6 KiB”. */
export function heldLine(summary: HeldSummary): string {
  return `Pasted: ${int(summary.lines)} ${summary.lines === 1 ? 'line' : 'lines'}, ${bytes(summary.bytes, 1)}`;
}

/** Why a paste over the summary is refused when it is longer than the box takes; null when it fits. */
export function pasteOverHeldProblem(length: number, max: number): string | null {
  return length <= max ? null : `It has ${int(length)} characters; the box takes at most ${int(max)}. The text held before is kept.`;
}
