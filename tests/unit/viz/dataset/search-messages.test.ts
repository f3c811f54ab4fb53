// The explorer's search messages: one text for the page and for the screen reader.

import { describe, expect, it } from 'vitest';
import { matchCountMessage, unknownCharactersMessage } from '../../../../src/viz/dataset/search-messages.ts';

describe('unknownCharactersMessage', () => {
  it('says nothing when every character is known', () => {
    expect(unknownCharactersMessage([], false)).toBe('');
  });

  it('names the characters the shipped names cannot contain, a space in words', () => {
    expect(unknownCharactersMessage(['X', ' '], false)).toBe('“X”, a space are not one of the letters a–z, so no name contains them. The names use lowercase a–z only.');
  });

  it("speaks of the reader's dataset as documents", () => {
    expect(unknownCharactersMessage(['é'], true)).toBe("“é” is not among this dataset's characters, so no document contains it.");
  });
});

describe('a message that starts with a space', () => {
  it('starts with a capital letter', () => {
    expect(unknownCharactersMessage([' ', 'X'], false)).toMatch(/^A space, “X” are not one of the letters a–z/);
    expect(unknownCharactersMessage([' '], true)).toBe("A space is not among this dataset's characters, so no document contains it.");
  });
});

describe('matchCountMessage', () => {
  it.each([
    [0, 'contains', 'No names contain “ann”.'],
    [0, 'starts', 'No names start with “ann”.'],
    [1, 'contains', '1 name contains “ann”.'],
    [2, 'contains', '2 names contain “ann”.'],
    [1, 'starts', '1 name starts with “ann”.'],
    [1234, 'starts', '1,234 names start with “ann”; the first 40 are listed.'],
  ] as const)('%i matches (%s) reads “%s”', (total, mode, text) => {
    expect(matchCountMessage(total, 'ann', mode, 'name', 40)).toBe(text);
  });
});
