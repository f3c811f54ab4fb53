import { describe, expect, test } from 'vitest';
import { remarkChapterOnly } from '../../../scripts/build/remark-chapter-only.ts';

const exercise = (id: string) => ({ type: 'mdxJsxFlowElement', name: 'Exercise', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }], children: [] });
const p = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', value: text }] });
const run = (children: unknown[]) => {
  const tree = { type: 'root', children } as never;
  remarkChapterOnly()(tree);
  return (tree as { children: { type: string; name?: string; children?: unknown[] }[] }).children;
};

describe('remarkChapterOnly', () => {
  test('wraps each run of prose between exercises in one ChapterOnly, leaving imports and exercises bare', () => {
    const esm = { type: 'mdxjsEsm', value: "import x from 'y';" };
    const out = run([esm, p('one'), p('two'), exercise('a'), exercise('b'), p('three')]);
    expect(out.map((n) => n.name ?? n.type)).toEqual(['mdxjsEsm', 'ChapterOnly', 'Exercise', 'Exercise', 'ChapterOnly']);
    expect(out[1].children).toEqual([p('one'), p('two')]);
    expect(out[4].children).toEqual([p('three')]);
  });
  test('leaves a page without exercises untouched', () => {
    expect(run([p('one')])).toEqual([p('one')]);
  });
  test('refuses an exercise nested inside another element', () => {
    const wrapper = { type: 'mdxJsxFlowElement', name: 'Figure', attributes: [], children: [exercise('a')] };
    expect(() => run([exercise('b'), wrapper])).toThrow(/top level/);
  });
});
