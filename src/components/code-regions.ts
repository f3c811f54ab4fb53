// Named regions of source files, read at build time for <CodeRegion>:
//   // #region name   …code…   // #endregion name      (TypeScript)
//   # #region name    …code…   # #endregion name       (Python, .py files)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A region's text (dedented) and where it sits in its file (1-based, inclusive), with the file
 * line of each line of the text (nested markers are left out, so the numbers can jump).
 */
export type CodeRegionText = { code: string; startLine: number; endLine: number; lineNumbers: number[] };

/** The comment that starts a region marker in a file: "#" for Python, "//" otherwise. */
export function markerComment(file: string): '#' | '//' {
  return file.endsWith('.py') ? '#' : '//';
}

/** Extract a named region from source text. Throws if the region is missing or unclosed. */
export function extractRegion(source: string, region: string, file = 'the file', comment: '#' | '//' = markerComment(file)): CodeRegionText {
  const lines = source.split('\n');
  const open = lines.findIndex((l) => l.trim() === `${comment} #region ${region}`);
  if (open < 0) throw new Error(`CodeRegion: no "${comment} #region ${region}" in ${file}`);
  const close = lines.findIndex((l, i) => i > open && l.trim() === `${comment} #endregion ${region}`);
  if (close < 0) throw new Error(`CodeRegion: region "${region}" in ${file} is never closed`);
  // nested region markers are for other readers; leave them out of this one
  const marker = (l: string) => l.trimStart().startsWith(`${comment} #region `) || l.trimStart().startsWith(`${comment} #endregion `);
  const kept = lines.slice(open + 1, close).map((text, i) => ({ text, n: open + 2 + i })).filter((l) => !marker(l.text));
  const indent = Math.min(...kept.filter((l) => l.text.trim()).map((l) => l.text.match(/^ */)![0].length));
  const code = kept.map((l) => l.text.slice(indent)).join('\n').trimEnd();
  return { code, startLine: open + 2, endLine: close, lineNumbers: kept.slice(0, code.split('\n').length).map((l) => l.n) };
}

/** Read a region from a file of this repository (path relative to the project root). */
export function readRegion(file: string, region: string): CodeRegionText {
  let source: string;
  try {
    source = readFileSync(join(process.cwd(), file), 'utf8');
  } catch {
    throw new Error(`CodeRegion: cannot read ${file}`);
  }
  return extractRegion(source, region, file);
}
