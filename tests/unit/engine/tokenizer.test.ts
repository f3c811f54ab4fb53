// Tokenizer and documents: sorted distinct characters are ids 0..n−1, BOS is id n.

import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../../../src/engine/data.ts';
import { Tokenizer, UnknownCharacterError } from '../../../src/engine/tokenizer.ts';
import { defaultNames } from '../../../scripts/build/names.ts';

const names = defaultNames();
const tok = Tokenizer.fromDocuments(names);

describe('Tokenizer.fromDocuments', () => {
  it('Tokenizer.fromDocuments sorts the unique characters and sets BOS = number of characters', () => {
    const t = Tokenizer.fromDocuments(['cab', 'bad', '', 'dab']);
    expect(t.chars).toEqual(['a', 'b', 'c', 'd']);
    expect(t.bos).toBe(4);
    expect(t.vocabSize).toBe(5);
  });

  it('Tokenizer.fromDocuments sorts by code point (uppercase before lowercase, é after z)', () => {
    const t = Tokenizer.fromDocuments(['zé', 'Ab', ' ']);
    expect(t.chars).toEqual([' ', 'A', 'b', 'z', 'é']);
    expect(t.bos).toBe(5);
  });

  it('Tokenizer.fromDocuments treats an astral character as one token', () => {
    const t = Tokenizer.fromDocuments(['a😀b']);
    expect(t.chars).toEqual(['a', 'b', '😀']);
    expect(t.encode('😀a')).toEqual([2, 0]);
  });

  it('Tokenizer.fromDocuments on the default names maps a→0, z→25, BOS→26 with vocabulary 27', () => {
    expect(tok.chars.join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(tok.encode('a')).toEqual([0]);
    expect(tok.encode('z')).toEqual([25]);
    expect(tok.bos).toBe(26);
    expect(tok.vocabSize).toBe(27);
  });
});

describe('Tokenizer encode and decode', () => {
  it('Tokenizer.encodeDocument("emma") is [26, 4, 12, 12, 0, 26]', () => {
    expect(tok.encodeDocument('emma')).toEqual([26, 4, 12, 12, 0, 26]);
  });

  it('Tokenizer.encodeDocument turns a 9-letter name into 11 tokens with BOS at both ends', () => {
    const ids = tok.encodeDocument('alejandra');
    expect(ids).toHaveLength(11);
    expect(ids[0]).toBe(26);
    expect(ids[10]).toBe(26);
    expect(ids.slice(1, 10)).toEqual([0, 11, 4, 9, 0, 13, 3, 17, 0]);
  });

  it('Tokenizer.encode gives no BOS, and encode of "" is []', () => {
    expect(tok.encode('ab')).toEqual([0, 1]);
    expect(tok.encode('')).toEqual([]);
  });

  it('Tokenizer.decode inverts encode on every default name', () => {
    for (const name of names) expect(tok.decode(tok.encode(name))).toBe(name);
  });

  it('Tokenizer.decode drops BOS', () => {
    expect(tok.decode(tok.encodeDocument('emma'))).toBe('emma');
    expect(tok.decode([26, 26])).toBe('');
  });

  it('Tokenizer.token labels ids with their character or "BOS" and rejects ids out of range', () => {
    expect(tok.token(0)).toBe('a');
    expect(tok.token(25)).toBe('z');
    expect(tok.token(26)).toBe('BOS');
    expect(() => tok.token(27)).toThrow(RangeError);
    expect(() => tok.token(-1)).toThrow(RangeError);
    expect(() => tok.decode([0, 99])).toThrow(RangeError);
  });
});

describe('Tokenizer unknown characters', () => {
  it('Tokenizer.encode throws UnknownCharacterError listing every unknown character with its position', () => {
    let error: unknown;
    try {
      tok.encode('a1b!1');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownCharacterError);
    const err = error as UnknownCharacterError;
    expect(err.name).toBe('UnknownCharacterError');
    expect(err.unknown).toEqual([
      { char: '1', index: 1 },
      { char: '!', index: 3 },
      { char: '1', index: 4 },
    ]);
    // each character is named once in the message
    expect(err.message).toBe('not in the vocabulary: "1", "!"');
  });

  it('Tokenizer.encodeDocument throws UnknownCharacterError for uppercase letters', () => {
    expect(() => tok.encodeDocument('Emma')).toThrow(UnknownCharacterError);
  });

  it('Tokenizer.unknownCharacters returns the unknown characters with code-point positions, or []', () => {
    expect(tok.unknownCharacters('emma')).toEqual([]);
    expect(tok.unknownCharacters('zoë 😀x')).toEqual([
      { char: 'ë', index: 2 },
      { char: ' ', index: 3 },
      { char: '😀', index: 4 },
    ]);
  });
});

describe('parseDocuments', () => {
  it('parseDocuments splits lines, trims them and drops blank lines', () => {
    expect(parseDocuments('  emma \n\n olivia\n   \nava\n')).toEqual(['emma', 'olivia', 'ava']);
  });

  it('parseDocuments handles Windows \\r\\n line endings', () => {
    expect(parseDocuments('emma\r\nolivia\r\n\r\nava')).toEqual(['emma', 'olivia', 'ava']);
  });

  it('parseDocuments of empty or blank text is []', () => {
    expect(parseDocuments('')).toEqual([]);
    expect(parseDocuments(' \n\t\n')).toEqual([]);
  });

  it('parseDocuments keeps inner spaces', () => {
    expect(parseDocuments(' mary ann \n')).toEqual(['mary ann']);
  });

  it('parseDocuments reads lines like Python: a lone \\r ends a line, str.strip() keeps a byte-order mark and drops \\x1c–\\x1f and \\x85', () => {
    // [line.strip() for line in open(path) if line.strip()] on these bytes (UTF-8)
    expect(parseDocuments('anna\rbob\r\ncy\n')).toEqual(['anna', 'bob', 'cy']);
    expect(parseDocuments('\ufeffanna\nbob\n')).toEqual(['\ufeffanna', 'bob']);
    expect(parseDocuments('\x1canna\x1f\nbob\x85\n\u3000cy\u00a0\n\u2028dee\u2029\n\x0bed\x0c\n')).toEqual(['anna', 'bob', 'cy', 'dee', 'ed']);
  });
});
