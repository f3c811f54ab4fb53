// The book's reading order and the way on from each page.

import { describe, expect, it } from 'vitest';
import { chapterPlan, extraPlan, pagerFor, readingOrder } from '../../../src/components/chapters.ts';

const all = new Set(readingOrder.map((s) => s.slug));

describe('pagerFor', () => {
  it('leads from chapter 8 to the whole program, then the epilogue, and back', () => {
    expect(pagerFor('inference', all).next).toEqual({ slug: 'program', href: '/program/', label: extraPlan[0].title });
    expect(pagerFor('program', all).next).toEqual({ slug: 'epilogue', href: '/epilogue/', label: extraPlan[1].title });
    expect(pagerFor('epilogue', all).prev).toEqual({ slug: 'program', href: '/program/', label: 'The whole program' });
    expect(pagerFor('inference', new Set(['inference', 'epilogue'])).next?.slug).toBe('epilogue');
    expect(pagerFor('epilogue', all).next).toBeUndefined();
  });

  it('skips pages not written yet, and names the next planned one when nothing written follows', () => {
    const some = new Set(['dataset', 'neuron']);
    expect(pagerFor('dataset', some).next?.slug).toBe('neuron');
    expect(pagerFor('neuron', some)).toEqual({ prev: readingOrder[0], next: undefined, upcoming: readingOrder[3] });
  });

  it('lists the eight chapters, numbered, then the extras', () => {
    expect(readingOrder.slice(0, chapterPlan.length).map((s) => s.label)).toEqual(chapterPlan.map((c) => `${c.order}. ${c.title}`));
    expect(readingOrder.slice(chapterPlan.length).map((s) => s.href)).toEqual(extraPlan.map((e) => `/${e.slug}/`));
    expect(() => pagerFor('nowhere', all)).toThrow(/not in the reading order/);
  });
});
