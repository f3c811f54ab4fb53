// The reader's own dataset: validated, kept in this browser, shared by every island on the
// page (the explorer offers it, the training chapter trains on it). Nothing here throws:
// bad input comes back as a refusal with a reason, and storage that is off or full only
// means the dataset lasts as long as the page.

import { textLimits } from '../viz/shared/input-limits.ts';
import { microgptConfig } from '../engine/config.ts';
import { parseDocuments, splitLines } from '../engine/data.ts';
import { Tokenizer } from '../engine/tokenizer.ts';
import { fixed, int } from '../viz/shared/format.ts';
import { utf8Length } from '../viz/shared/utf8.ts';
import { fail, type Failed } from '../viz/shared/problem.ts';
import { loadJSON, removeKey, saveJSON } from './storage.ts';

/** What the dataset checks allow. */
export const datasetLimits = {
  /** Largest file or pasted text, in bytes of UTF-8 (2 MiB). */
  maxBytes: textLimits.dataset,
  /** Longest line, in characters after trimming. */
  maxLineChars: 1000,
  /** Most distinct characters (the vocabulary without BOS). */
  maxChars: 256,
  /** Above this share of control or replacement characters, the text is taken for binary. */
  maxControlShare: 0.05,
} as const;

/** Characters a document can hold and still be trained on whole: the context less one place for BOS. */
export const contextChars = microgptConfig(1).blockSize - 1;

/** A dataset ready for training: its documents and vocabulary (BOS is id chars.length). */
export type CustomDataset = { name: string; docs: string[]; chars: string[]; vocabSize: number };

/** Why a text was refused. */
export type RefusalReason = 'empty' | 'binary' | 'oversized' | 'line-too-long' | 'too-many-characters';

export type DatasetRefusal = Failed & { reason: RefusalReason };
export type DatasetAccepted = { ok: true; dataset: CustomDataset };
export type DatasetCheck = DatasetAccepted | DatasetRefusal;

/** What the reader sees about an accepted dataset. */
export type DatasetReport = {
  documents: number;
  vocabSize: number;
  chars: string[];
  longest: string;
  longestLength: number;
  /** Documents longer than contextChars: training sees only their first contextChars characters. */
  overContext: number;
};

const megabytes = (bytes: number) => `${fixed(bytes / (1024 * 1024), 1)} MiB`;
const refuse = (reason: RefusalReason, message: string): DatasetRefusal => ({ ...fail(message), reason });

/** A refusal when a file or text of this many bytes is too large, else null. Check before reading a file. */
export function checkSize(bytes: number): DatasetRefusal | null {
  if (!(bytes <= datasetLimits.maxBytes)) {
    return refuse('oversized', `This is ${megabytes(bytes)} (${int(bytes)} bytes); the limit is ${megabytes(datasetLimits.maxBytes)} (${int(datasetLimits.maxBytes)} bytes). Try a smaller file.`);
  }
  return null;
}

/** Is this code point a control character (other than tab, line feed, carriage return) or U+FFFD? */
function isSuspicious(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return false;
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xfffd;
}

/**
 * Check a text as a dataset (one document per line, read as microgpt reads it) and build its
 * vocabulary; or say why it cannot be used.
 */
export function validateDataset(text: string, name = 'pasted text'): DatasetCheck {
  if (typeof text !== 'string') return refuse('empty', 'There is no text to use.');
  const tooBig = checkSize(utf8Length(text));
  if (tooBig) return tooBig;
  if (text.includes('\0')) return refuse('binary', 'This looks like a binary file (it contains NUL bytes), not text with one document per line.');
  let total = 0;
  let suspicious = 0;
  // by UTF-16 unit, a surrogate pair counted once (every suspicious code point is a single unit):
  // a string iterator over a megabyte costs several times more
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    total++;
    if (isSuspicious(unit)) suspicious++;
  }
  if (total > 0 && suspicious / total > datasetLimits.maxControlShare) {
    const share = Math.round((100 * suspicious) / total);
    return refuse('binary', `This looks like a binary file, not text: ${share}% of its characters are control characters or bytes that are not valid UTF-8.`);
  }
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    // a line of at most maxLineChars UTF-16 units has at most as many characters: only longer ones are counted
    const length = lines[i].length <= datasetLimits.maxLineChars ? 0 : [...lines[i].trim()].length;
    if (length > datasetLimits.maxLineChars) {
      return refuse('line-too-long', `Line ${int(i + 1)} has ${int(length)} characters; the limit is ${int(datasetLimits.maxLineChars)} per line. Put one short document on each line.`);
    }
  }
  const docs = parseDocuments(text);
  if (docs.length === 0) return refuse('empty', 'There are no documents here: every line is blank. Put one document on each line.');
  const tokenizer = Tokenizer.fromDocuments(docs);
  if (tokenizer.chars.length > datasetLimits.maxChars) {
    return refuse('too-many-characters', `This text uses ${int(tokenizer.chars.length)} different characters; the limit is ${int(datasetLimits.maxChars)}, so that the vocabulary stays small enough to train here.`);
  }
  return { ok: true, dataset: { name: name.trim() || 'pasted text', docs, chars: [...tokenizer.chars], vocabSize: tokenizer.vocabSize } };
}

/** The numbers shown for an accepted dataset. */
export function describeDataset(dataset: CustomDataset): DatasetReport {
  let longest = '';
  let longestLength = 0;
  let overContext = 0;
  for (const doc of dataset.docs) {
    const n = [...doc].length;
    if (n > longestLength) { longest = doc; longestLength = n; }
    if (n > contextChars) overContext++;
  }
  return { documents: dataset.docs.length, vocabSize: dataset.vocabSize, chars: dataset.chars, longest, longestLength, overContext };
}

// -- kept locally --------------------------------------------------------------------------

const key = 'custom-dataset:v1';
type Stored = { name: string; text: string };

/** This page's copy: undefined until read; null means "the default dataset". */
let current: CustomDataset | null | undefined;
const listeners = new Set<(dataset: CustomDataset | null) => void>();
const notify = () => { for (const fn of listeners) { try { fn(current ?? null); } catch { /* a listener's fault is its own */ } } };

/** The reader's dataset, or null for the default: this page's copy first, else the stored one (checked again). */
export function loadCustomDataset(): CustomDataset | null {
  if (current !== undefined) return current;
  const raw = loadJSON<unknown>(key, null);
  current = null;
  if (typeof raw === 'object' && raw !== null && typeof (raw as Stored).text === 'string') {
    const r = raw as Stored;
    const check = validateDataset(r.text, typeof r.name === 'string' ? r.name : 'your dataset');
    if (check.ok) current = check.dataset;
  }
  return current;
}

/**
 * Use a dataset from now on and keep it in this browser. Returns null when it was saved, or
 * why it could not be (it is still used on this page).
 */
export function keepCustomDataset(dataset: CustomDataset): string | null {
  current = dataset;
  const problem = saveJSON(key, { name: dataset.name, text: dataset.docs.join('\n') } satisfies Stored);
  if (problem) removeKey(key); // never let an older dataset come back on the next visit
  notify();
  return problem;
}

/** Go back to the default dataset, here and in storage. */
export function resetCustomDataset(): void {
  current = null;
  removeKey(key);
  notify();
}

/** Be told whenever the dataset changes on this page. Returns the function that stops it. */
export function onCustomDatasetChange(listener: (dataset: CustomDataset | null) => void): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

/** Forget this page's copy, so the next load reads storage again (for tests). */
export function forgetPageCopy(): void {
  current = undefined;
}
