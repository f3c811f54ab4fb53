// Reading datasets and weights files, and writing weights files, with errors that name
// the flag and the file instead of a Node stack trace. Nothing here ever loses data: input
// is read with a size limit, output goes to a temporary file that is renamed into place.

import { isUtf8 } from 'node:buffer';
import {
  accessSync, chmodSync, closeSync, constants, fstatSync, fsyncSync, lstatSync, openSync, readSync, realpathSync,
  renameSync, rmSync, statSync, writeSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Weights } from '../../src/engine/index.ts';
import { FastGPT, WeightsError, jsonProblem, overflowProblem, parseDocuments, parseWeights, splitLines, toWeightsFile } from '../../src/engine/index.ts';
import { defaultNames } from '../build/names.ts';
import { checkSize } from './config.ts';
import { CliError, reason } from './error.ts';
import { controlCharacter, describeCharacter } from './vocab.ts';

/** The largest file read: enough for any weights file the command line writes (see config.ts), and 6 million names. */
export const maxInputBytes = 64 * 1024 * 1024;

const MiB = 1024 * 1024;

/**
 * The bytes of the file a flag names. The size is checked before reading; a device or pipe
 * (which stat cannot measure: /dev/zero never ends) is read only up to the limit.
 */
function readBytes(flag: string, path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new CliError(`cannot read --${flag} ${path}: ${reason(e)}`);
  }
  const tooLarge = () => new CliError(`--${flag} ${path} is larger than the limit of ${maxInputBytes / MiB} MiB`);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new CliError(`cannot read --${flag} ${path}: it is a directory`);
    if (stats.isFile() && stats.size > maxInputBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(MiB, maxInputBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxInputBytes) throw tooLarge();
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read --${flag} ${path}: ${reason(e)}`);
  } finally {
    closeSync(fd);
  }
}

/** Where the first byte that is not UTF-8 starts, or -1 when all are. */
export function firstNonUtf8Byte(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  // a character is one to four bytes, and no shorter piece of a longer one is valid on its own
  let i = 0;
  next: while (i < bytes.length) {
    for (let n = 1; n <= 4 && i + n <= bytes.length; n++) {
      if (isUtf8(bytes.subarray(i, i + n))) {
        i += n;
        continue next;
      }
    }
    return i;
  }
  return -1;
}

/** The line (from 1) holding offset `end`, with lines ending at \n, \r\n or a lone \r as splitLines() has them. */
function lineAt(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** The text of the file a flag names: UTF-8, as Python reads it, with a byte-order mark at the start dropped. */
export function readText(flag: string, path: string): string {
  const bytes = readBytes(flag, path);
  const bad = firstNonUtf8Byte(bytes);
  if (bad >= 0) {
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    throw new CliError(`--${flag} ${path} is not UTF-8 text: line ${lineAt(bytes, bad)} has the byte 0x${hex} (Latin-1, UTF-16 or binary? save it as UTF-8)`);
  }
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** A path's file status, or null when nothing is there. Other failures (ENOTDIR, EACCES) are reported. */
function statusOf(flag: string, path: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`cannot write --${flag} ${path}: ${reason(e)}`);
  }
}

/**
 * Fail before any work if --out can never be written, and say why: no name, a directory,
 * a device, pipe or socket (which a rename would replace by a regular file), a missing or
 * unwritable directory, or the --data file itself. A symbolic link to a file is written
 * through: the returned path is the file it points to.
 */
export function checkOutPath(path: string, data?: string): string {
  const flag = 'out';
  if (path === '') throw new CliError('--out needs a file name, got ""');
  const cannot = (why: string) => new CliError(`cannot write --out ${path}: ${why}`);
  let target = path;
  const link = statusOf(flag, path, false);
  if (link?.isSymbolicLink()) {
    if (statusOf(flag, path, true) === null) throw cannot('it is a symbolic link to a file that does not exist');
    target = realpathSync(path);
  }
  const stats = statusOf(flag, target, true);
  if (stats?.isDirectory()) throw cannot('it is a directory');
  if (stats && !stats.isFile()) throw cannot('it is not a regular file (a device, pipe or socket); give a file name');
  if (stats && data !== undefined) {
    const d = statusOf('data', data, true);
    if (d && d.dev === stats.dev && d.ino === stats.ino) throw cannot('it is the --data file, which the weights would replace');
  }
  const dir = dirname(target);
  const dirStats = statusOf(flag, dir, true);
  if (dirStats === null) throw cannot(`the directory ${dir} does not exist`);
  if (!dirStats.isDirectory()) throw cannot(`${dir} is not a directory`);
  try {
    if (stats) accessSync(target, constants.W_OK); // a read-only file is not ours to replace
    // the one sure test that the directory takes a new file (permissions, a read-only or special file system, root or not)
    const probe = tempPath(target);
    closeSync(openSync(probe, 'wx'));
    rmSync(probe);
  } catch (e) {
    throw cannot(reason(e));
  }
  return target;
}

/** A fresh name for a temporary file beside `path`, as writeFileAtomic() writes before renaming it. */
function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/**
 * Write text to a file atomically: into a new file in the same directory, flushed to disk,
 * then renamed over the target, so a crash or a full disk never leaves half a file and an
 * existing file is either the old one or the new one. `path` is what checkOutPath() returned.
 */
export function writeFileAtomic(flag: string, path: string, text: string): void {
  const tmp = tempPath(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o666);
    const existing = statusOf(flag, path, true);
    if (existing) chmodSync(tmp, existing.mode & 0o777); // the new file keeps the old one's permissions
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot write --${flag} ${path}: ${reason(e)}`);
  }
}

/** A dataset and how to name it in messages. */
export type Dataset = { docs: string[]; source: string };

/** The documents of --data, or the default names when it is absent. */
export function readDataset(path: string | undefined): Dataset {
  if (path === undefined) return { docs: defaultNames(), source: 'the default dataset' };
  const text = readText('data', path);
  // a control character (NUL, tab, escape, …) inside a line would become a token no one can type or see
  // (line ends are not in it, and whitespace controls at either end of a line are stripped as Python strips them)
  if (/(?![\r\n])\p{Cc}/u.test(text)) {
    const lines = splitLines(text);
    for (let i = 0; i < lines.length; i++) {
      const c = controlCharacter(parseDocuments(lines[i])[0] ?? '');
      if (c !== undefined) throw new CliError(`--data ${path} line ${i + 1} holds the control character ${describeCharacter(c)}; a document is one line of text`);
    }
  }
  const docs = parseDocuments(text);
  if (docs.length === 0) throw new CliError(`--data ${path} has no documents (every line is blank)`);
  return { docs, source: `--data ${path}` };
}

/** A weights file, checked against its own config, and small enough to run. */
export function readWeights(flag: string, path: string): Weights {
  const text = readText(flag, path);
  const unusable = (why: string) => new CliError(`--${flag} ${path} is not a usable weights file: ${why}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw unusable(jsonProblem(text, e as Error));
  }
  // the sizes first: parseWeights() lists every matrix of the config, and n_layer 10^12 would never finish
  const c = (json as { config?: Record<string, unknown> } | null)?.config;
  const sizes = c && [c.vocab_size, c.n_embd, c.n_head, c.n_layer, c.block_size];
  if (sizes && sizes.every((x) => Number.isInteger(x) && (x as number) > 0)) {
    const [vocabSize, nEmbd, nHead, nLayer, blockSize] = sizes as number[];
    checkSize({ vocabSize, nEmbd, nHead, nLayer, blockSize }, `the sizes in --${flag} ${path}`);
  }
  let weights: Weights;
  try {
    weights = parseWeights(json);
  } catch (e) {
    if (e instanceof WeightsError) throw unusable(e.message);
    throw e;
  }
  const control = weights.tokenizer.chars.find((ch) => controlCharacter(ch) !== undefined);
  if (control !== undefined) throw unusable(`its vocabulary holds the control character ${describeCharacter(control)}`);
  // the engine's probe, the one the site's loader runs: finite weights that overflow on the way (× 1e300) give a uniform guess, not NaN
  const overflow = overflowProblem(new FastGPT(weights.config, weights.stateDict), weights.tokenizer.bos);
  if (overflow) throw new CliError(`the weights in --${flag} ${path} are unusable: ${overflow}`);
  return weights;
}

/** Write a weights file atomically to the path checkOutPath() returned. */
export function writeWeights(path: string, w: Weights): void {
  writeFileAtomic('out', path, JSON.stringify(toWeightsFile(w)) + '\n');
}
