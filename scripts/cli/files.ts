// Reading datasets and weights files, and writing weights files, with errors that name
// the flag and the file instead of a Node stack trace.

import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Weights } from '../../src/engine/index.ts';
import { WeightsError, parseDocuments, parseWeightsText, toWeightsFile } from '../../src/engine/index.ts';
import { CliError } from './error.ts';
import { defaultNames } from '../build/names.ts';

/** A short reason for a failed file operation. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

/** The whole text of the file a flag names. */
export function readText(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read --${flag} ${path}: ${reason(e)}`);
  }
}

/** A dataset and how to name it in messages. */
export type Dataset = { docs: string[]; source: string };

/** The documents of --data, or the default names when it is absent. */
export function readDataset(path: string | undefined): Dataset {
  if (path === undefined) return { docs: defaultNames(), source: 'the default dataset' };
  const text = readText('data', path);
  // NUL never occurs in text, and U+FFFD is what bytes that are not UTF-8 decode to
  if (text.includes('\0') || text.includes('\uFFFD')) throw new CliError(`--data ${path} is not UTF-8 text (it looks like a binary file)`);
  const docs = parseDocuments(text);
  if (docs.length === 0) throw new CliError(`--data ${path} has no documents (every line is blank)`);
  return { docs, source: `--data ${path}` };
}

/** A weights file, checked against its own config. */
export function readWeights(flag: string, path: string): Weights {
  try {
    return parseWeightsText(readText(flag, path));
  } catch (e) {
    if (e instanceof WeightsError) throw new CliError(`--${flag} ${path} is not a usable weights file: ${e.message}`);
    throw e;
  }
}

/** Fail before any work if --out can never be written: no name, a directory, or a device or pipe the rename would replace. */
export function checkOutPath(path: string): void {
  if (path === '') throw new CliError('--out needs a file name, got ""');
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return; // not there yet: fine, it will be created
  }
  if (stats.isDirectory()) throw new CliError(`cannot write --out ${path}: it is a directory`);
  if (!stats.isFile()) throw new CliError(`cannot write --out ${path}: it is not a regular file`);
}

/** Write a weights file: to a temporary name beside it, then renamed, so a crash never leaves half a file. */
export function writeWeights(path: string, w: Weights): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, JSON.stringify(toWeightsFile(w)) + '\n');
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write --out ${path}: ${reason(e)}`);
  }
}
