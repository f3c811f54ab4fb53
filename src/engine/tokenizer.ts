// A character-level tokenizer: every distinct character of the dataset is a token, in
// sorted order, and one extra token, BOS, marks where a document begins and ends.

/** A character the vocabulary cannot encode, and where it was found. */
export type UnknownChar = { char: string; index: number };

export class UnknownCharacterError extends Error {
  readonly unknown: UnknownChar[];
  constructor(unknown: UnknownChar[]) {
    const list = [...new Set(unknown.map((u) => JSON.stringify(u.char)))].join(', ');
    super(`not in the vocabulary: ${list}`);
    this.name = 'UnknownCharacterError';
    this.unknown = unknown;
  }
}

const byCodePoint = (a: string, b: string) => a.codePointAt(0)! - b.codePointAt(0)!;

// #region tokenizer
/** Characters ↔ token ids. Ids 0..n-1 are the sorted characters; BOS is id n. */
export class Tokenizer {
  // #region vocabulary
  readonly chars: readonly string[];
  readonly bos: number;
  readonly vocabSize: number;
  private readonly ids: Map<string, number>;

  constructor(chars: readonly string[]) {
    this.chars = chars;
    this.bos = chars.length;
    this.vocabSize = chars.length + 1;
    this.ids = new Map(chars.map((c, i) => [c, i]));
  }

  /** The vocabulary of a dataset: its distinct characters, sorted by code point. */
  static fromDocuments(docs: readonly string[]): Tokenizer {
    const seen = new Set<string>();
    for (const doc of docs) for (const c of doc) seen.add(c);
    return new Tokenizer([...seen].sort(byCodePoint));
  }
  // #endregion vocabulary

  // #region encode
  /** Token ids of a text, without BOS. Throws UnknownCharacterError naming every bad character. */
  encode(text: string): number[] {
    const ids: number[] = [];
    const unknown: UnknownChar[] = [];
    let index = 0;
    for (const c of text) {
      const id = this.ids.get(c);
      if (id === undefined) unknown.push({ char: c, index });
      else ids.push(id);
      index++;
    }
    if (unknown.length > 0) throw new UnknownCharacterError(unknown);
    return ids;
  }
  // #endregion encode

  // #region encode-document
  /** A document as the model sees it in training: [BOS, ...ids, BOS]. */
  encodeDocument(doc: string): number[] {
    return [this.bos, ...this.encode(doc), this.bos];
  }
  // #endregion encode-document

  // #region decode
  /** Text of token ids; BOS is dropped. */
  decode(ids: readonly number[]): string {
    return ids.filter((id) => id !== this.bos).map((id) => this.token(id)).join('');
  }

  /** A printable label for one id: its character, or "BOS". */
  token(id: number): string {
    if (id === this.bos) return 'BOS';
    const c = this.chars[id];
    if (c === undefined) throw new RangeError(`token id ${id} is outside 0..${this.bos}`);
    return c;
  }
  // #endregion decode
  // #endregion tokenizer

  /** Characters of a text the vocabulary cannot encode, with their positions (in code points). */
  unknownCharacters(text: string): UnknownChar[] {
    const unknown: UnknownChar[] = [];
    let index = 0;
    for (const c of text) {
      if (!this.ids.has(c)) unknown.push({ char: c, index });
      index++;
    }
    return unknown;
  }
}
