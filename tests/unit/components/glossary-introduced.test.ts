// The glossary's "introduced in": the first <Term> of each id in reading order, with its section.

import { describe, expect, it } from 'vitest';
import { firstUses } from '../../../src/components/glossary-introduced.ts';
import { glossary } from '../../../src/components/glossary.ts';
import { bookSources } from '../../../src/components/book-sources.ts';

describe('firstUses', () => {
  const chapters = [
    { slug: 'second', title: 'Second', order: 2, text: '---\ntitle: x\n---\n## Way back\nA <Term id="loss">loss</Term> and a <Term id="token">token</Term>.\n' },
    { slug: 'first', title: 'First', order: 1, text: '---\ntitle: y\n---\nBefore any heading, <Term id="token">tokens</Term>.\n## What a *loss* is\n```ts\n// <Term id="loss"> in code does not count\n## not a heading\n```\n## What a loss is\nThe <Term id="loss">loss</Term>.\n' },
  ];
  const uses = firstUses(chapters);

  it('takes the earliest chapter in reading order, not in the order given', () => {
    expect(uses.get('token')).toEqual({ chapter: 'first', chapterTitle: 'First', order: 1, section: null, href: '/chapters/first/' });
  });

  it('links the section as its heading id is made, a repeated heading getting -1, and skips code', () => {
    expect(uses.get('loss')).toEqual({ chapter: 'first', chapterTitle: 'First', order: 1, section: 'What a loss is', href: '/chapters/first/#what-a-loss-is-1' });
  });
});

describe('the real chapters and the pages after them', () => {
  const uses = firstUses(bookSources());

  it('introduce every glossary term but the few kept for readers of other texts', () => {
    const missing = glossary.filter((e) => !uses.has(e.id)).map((e) => e.id).sort();
    expect(missing).toEqual(['batch-size', 'self-attention', 'tensor']);
  });

  it('link only terms the glossary has', () => {
    for (const id of uses.keys()) expect(glossary.some((e) => e.id === id), id).toBe(true);
  });

  it('link a term first used in the epilogue to the epilogue', () => {
    expect(uses.get('rope')?.href).toMatch(/^\/epilogue\/#/);
  });

  it('introduce the words readers asked for where they first need them', () => {
    for (const [id, chapter] of [['transformer', 'neuron'], ['derivative', 'autograd'], ['hidden-layer', 'neuron'], ['target', 'tokenizer'], ['weighted-sum', 'neuron'], ['code-point', 'tokenizer'], ['subword', 'tokenizer']]) {
      expect(uses.get(id)?.chapter, id).toBe(chapter);
    }
  });
});
