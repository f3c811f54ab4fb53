// Named regions of source files, read at build time for <CodeRegion>:
//   // #region name   …code…   // #endregion name

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A region's text (dedented) and where it sits in its file (1-based, inclusive). */
export type CodeRegionText = { code: string; startLine: number; endLine: number };

/** Extract a named region from source text. Throws if the region is missing or unclosed. */
export function extractRegion(source: string, region: string, file = 'the file'): CodeRegionText {
  const lines = source.split('\n');
  const open = lines.findIndex((l) => l.trim() === `// #region ${region}`);
  if (open < 0) throw new Error(`CodeRegion: no "// #region ${region}" in ${file}`);
  const close = lines.findIndex((l, i) => i > open && l.trim() === `// #endregion ${region}`);
  if (close < 0) throw new Error(`CodeRegion: region "${region}" in ${file} is never closed`);
  // nested region markers are for other readers; leave them out of this one
  const body = lines.slice(open + 1, close).filter((l) => !/^\s*\/\/ #(end)?region\b/.test(l));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return { code: body.map((l) => l.slice(indent)).join('\n').trimEnd(), startLine: open + 2, endLine: close };
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
