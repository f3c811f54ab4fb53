import { describe, expect, it } from 'vitest';
import { excerptParts, maxSections, searchStatus, toHit, type PagefindFragment } from '../../../src/components/search-view.ts';
import { glossaryRecords } from '../../../src/components/search-records.ts';
import { glossary } from '../../../src/components/glossary.ts';
import { offlineMessage, offlineMessages } from '../../../src/components/offline.ts';

describe('excerptParts', () => {
  it('splits Pagefind\'s excerpt into plain and marked runs', () => {
    expect(excerptParts('the <mark>chain</mark> rule, <mark>again</mark>')).toEqual([
      { text: 'the ', mark: false }, { text: 'chain', mark: true }, { text: ' rule, ', mark: false }, { text: 'again', mark: true },
    ]);
  });
  it('decodes entities to text and keeps no other tag, so nothing is ever drawn as HTML', () => {
    expect(excerptParts('a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; &#x3bc; <img src=x onerror=alert(1)>e')).toEqual([
      { text: 'a <b> & "c" \'d\' μ e', mark: false },
    ]);
  });
  it('gives nothing for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});

const fragment = (over: Partial<PagefindFragment>): PagefindFragment => ({ url: '/chapters/autograd/', excerpt: 'x', meta: { title: 'Autograd', chapter: 'Chapter 4 of 8' }, ...over });
const sub = (title: string, id: string | null, matches: number) => ({
  title, url: id ? `/chapters/autograd/#${id}` : '/chapters/autograd/', excerpt: `<mark>${title}</mark>`, locations: Array.from({ length: matches }, (_, i) => i), ...(id ? { anchor: { id } } : {}),
});

describe('toHit', () => {
  it('names the chapter and its title, and lists the best-matching sections in page order', () => {
    const hit = toHit(fragment({
      sub_results: [sub('Autograd', null, 9), sub('The chain rule', 'the-chain-rule', 1), sub('Stage 5: backward', 'stage-5-backward', 4), sub('Check it', 'check-it', 3), sub('Exercises', 'exercises', 2)],
    }));
    expect(hit.where).toBe('Chapter 4 of 8');
    expect(hit.title).toBe('Autograd');
    expect(maxSections).toBe(3);
    // the page's top (no anchor) is the result itself; of the rest the 3 with most matches, in page order
    expect(hit.sections.map((s) => s.url)).toEqual(['/chapters/autograd/#stage-5-backward', '/chapters/autograd/#check-it', '/chapters/autograd/#exercises']);
    expect(hit.sections[0].excerpt).toEqual([{ text: 'Stage 5: backward', mark: true }]);
  });
  it('calls a glossary record by its term and "Glossary", linked to its anchor', () => {
    const hit = toHit({ url: '/glossary/#relu', excerpt: '<mark>ReLU</mark>. The function', meta: { title: 'ReLU', kind: 'Glossary' }, sub_results: [] });
    expect(hit).toMatchObject({ where: 'Glossary', title: 'ReLU', url: '/glossary/#relu', sections: [] });
    expect(hit.excerpt[0]).toEqual({ text: 'ReLU', mark: true });
  });
  it('falls back to the URL for a page without a title', () => {
    expect(toHit({ url: '/x/', excerpt: '', meta: {} })).toMatchObject({ where: '', title: '/x/' });
  });
});

describe('searchStatus', () => {
  it('says nothing for an empty box, then searching, then how many', () => {
    expect(searchStatus({ query: '  ', count: null })).toBe('');
    expect(searchStatus({ query: 'relu', count: null })).toBe('Searching…');
    expect(searchStatus({ query: 'relu', count: 0 })).toBe('No results for “relu”.');
    expect(searchStatus({ query: 'relu', count: 1 })).toBe('1 result for “relu”. Down arrow to go through them.');
    expect(searchStatus({ query: ' relu ', count: 12 })).toBe('12 results for “relu”. Down arrow to go through them.');
  });
  it('says when the index could not load', () => {
    expect(searchStatus({ query: 'relu', count: null, failed: true })).toMatch(/^Search could not load/);
  });
});

describe('glossaryRecords', () => {
  it('makes every glossary entry its own English record, linked to its anchor, titled by its term', () => {
    const records = glossaryRecords();
    expect(records).toHaveLength(glossary.length);
    for (const [i, e] of glossary.entries()) {
      expect(records[i]).toEqual({ url: `/glossary/#${e.id}`, content: `${e.term}. ${e.definition}`, language: 'en', meta: { title: e.term, kind: 'Glossary' } });
    }
  });
});

describe('offlineMessage', () => {
  it('is empty online, and offline says whether the book is saved', () => {
    expect(offlineMessage(true, true)).toBe('');
    expect(offlineMessage(true, false)).toBe('');
    expect(offlineMessage(false, true)).toBe(offlineMessages.saved);
    expect(offlineMessage(false, false)).toBe(offlineMessages.unsaved);
  });
});
