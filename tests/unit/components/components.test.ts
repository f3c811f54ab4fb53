import { describe, expect, it } from 'vitest';
import { extractRegion, readRegion } from '../../../src/components/code-regions.ts';
import { glossary, glossaryEntry } from '../../../src/components/glossary.ts';
import { chapterPlan } from '../../../src/components/chapters.ts';

describe('extractRegion', () => {
  const source = [
    'const before = 1;',
    '  // #region outer',
    '  function f() {',
    '    // #region inner',
    '    return 1;',
    '    // #endregion inner',
    '  }',
    '  // #endregion outer',
  ].join('\n');

  it('returns the dedented lines between the markers, without nested markers', () => {
    const r = extractRegion(source, 'outer');
    expect(r.code).toBe('function f() {\n  return 1;\n}');
    expect([r.startLine, r.endLine]).toEqual([3, 7]);
  });

  it('gives each line of the text its line in the file, skipping the nested markers', () => {
    expect(extractRegion(source, 'outer').lineNumbers).toEqual([3, 5, 7]);
  });

  it('extracts a nested region on its own', () => {
    expect(extractRegion(source, 'inner').code).toBe('return 1;');
  });

  it('fails loudly for a missing or unclosed region, so the build fails', () => {
    expect(() => extractRegion(source, 'nope', 'x.ts')).toThrow(/no "\/\/ #region nope" in x.ts/);
    expect(() => extractRegion('// #region open\nx', 'open')).toThrow(/never closed/);
  });

  it('reads "# #region" markers in a Python file, leaving nested ones out', () => {
    const py = ['# #region outer', 'def f():', '    # #region inner', '    return 1', '    # #endregion inner', '# #endregion outer'].join('\n');
    expect(extractRegion(py, 'outer', 'x.py').code).toBe('def f():\n    return 1');
    expect(extractRegion(py, 'inner', 'x.py').code).toBe('return 1');
    expect(() => extractRegion(py, 'outer', 'x.ts')).toThrow(/no "\/\/ #region outer" in x.ts/);
    expect(() => extractRegion(source, 'outer', 'x.py')).toThrow(/no "# #region outer" in x.py/);
  });

  it('reads the Python twin’s regions', () => {
    expect(readRegion('src/engine/microgpt.py', 'backward').code).toContain('def backward(self):');
    expect(readRegion('src/engine/microgpt.py', 'gpt').code).not.toContain('#region');
  });

  it('reads the real engine regions that chapters show', () => {
    expect(readRegion('src/engine/value.ts', 'backward').code).toContain('backward(): void');
    expect(readRegion('src/engine/model.ts', 'gpt').code).toContain('export function gpt(');
    expect(() => readRegion('src/engine/missing.ts', 'x')).toThrow(/cannot read/);
  });
});

describe('glossary', () => {
  it('has unique ids and every "see also" points at an entry', () => {
    const ids = glossary.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of glossary) for (const s of e.see ?? []) expect(ids, `${e.id} → ${s}`).toContain(s);
  });

  it('covers the basic vocabulary a newcomer meets', () => {
    for (const id of ['tensor', 'token', 'embedding', 'self-attention', 'head', 'loss', 'gradient', 'backpropagation',
      'optimizer', 'learning-rate', 'dropout', 'normalization', 'residual', 'mlp', 'logits', 'softmax', 'batch-size',
      'context-length', 'bos', 'kv-cache', 'temperature', 'parameter', 'inference']) {
      expect(glossaryEntry(id).definition.length).toBeGreaterThan(20);
    }
  });

  it('rejects an unknown id with a message naming it', () => {
    expect(() => glossaryEntry('flux-capacitor')).toThrow(/flux-capacitor/);
  });
});

describe('table of contents', () => {
  it('lists the eight chapters in reading order with unique slugs', () => {
    expect(chapterPlan.map((c) => c.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(chapterPlan.map((c) => c.slug)).size).toBe(8);
  });
});
