import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRegion } from '../../../../src/components/code-regions.ts';
import { microgptConfig, type GPTConfig } from '../../../../src/engine/config.ts';
import { initStateDict } from '../../../../src/engine/params.ts';
import { Random } from '../../../../src/engine/random.ts';
import {
  blockEntries, blockLineNumbers, excerpt, gpt2Blocks, gpt2ExtraCounts, lineList, placeText, sourceLines, splitComment,
} from '../../../../src/viz/mlp/gpt2-block.ts';

// The oracle for line numbers is the engine file itself, read here line by line; for shapes, a
// real initialisation of the state dict.

const region = readRegion('src/engine/model.ts', 'gpt');
const lines = sourceLines(region.code, region.lineNumbers);
const file = readFileSync('src/engine/model.ts', 'utf8').split('\n');
const block = (id: string) => gpt2Blocks.find((b) => b.id === id)!;
const config: GPTConfig = microgptConfig(27);

describe('sourceLines', () => {
  it('pairs every line of gpt() with the line of model.ts it came from', () => {
    for (const l of lines) expect(file[l.n - 1].trim()).toBe(l.text.trim());
  });

  it('refuses text and numbers of different lengths', () => {
    expect(() => sourceLines('a\nb', [1])).toThrow(/2 lines but 1 line numbers/);
  });
});

describe('blockLineNumbers', () => {
  it('maps every block to lines that exist in gpt(), and every block but none to at least one', () => {
    for (const b of gpt2Blocks) {
      const ns = blockLineNumbers(b, lines);
      expect(ns.length, b.id).toBeGreaterThan(0);
      for (const n of ns) expect(n).toBeGreaterThanOrEqual(region.startLine);
      for (const n of ns) expect(n).toBeLessThanOrEqual(region.endLine);
    }
  });

  it.each([
    ['wte', ["const tokEmb = sd['wte'][token];", 'let x = add(tokEmb, posEmb);']],
    ['ln1', ["x = rmsnorm(x); rec?.('norm1', x);"]],
    ['gelu', ["x = x.map((xi) => xi.relu()); rec?.('mlpRelu', x);"]],
    ['res2', ['xResidual = x;', "x = add(x, xResidual); rec?.('output', x);"]],
    ['dropout', ["x = rmsnorm(x); rec?.('embNorm', x);"]],
    ['embnorm', ["x = rmsnorm(x); rec?.('embNorm', x);"]],
    ['lnf', ["const logits = linear(x, sd['lm_head']); rec?.('logits', logits);"]],
    ['head', ["const logits = linear(x, sd['lm_head']); rec?.('logits', logits);", 'return logits;']],
  ])('block %s highlights the lines of model.ts that do its work', (id, starts) => {
    const texts = blockLineNumbers(block(id), lines).map((n) => file[n - 1].trim());
    expect(texts.map((t, i) => t.startsWith(starts[i].replace(/;$/, '')))).toEqual(starts.map(() => true));
    expect(texts).toHaveLength(starts.length);
  });

  it('covers attention as one run from q to W_o, the head loop included', () => {
    const ns = blockLineNumbers(block('attn'), lines);
    const first = file.findIndex((l) => l.includes('const q = linear(')) + 1;
    const last = file.findIndex((l) => l.includes('attn_wo`]')) + 1;
    expect(ns[0]).toBe(first);
    expect(ns[ns.length - 1]).toBe(last);
    expect(ns.map((n) => file[n - 1]).some((l) => l.includes('softmax(attnLogits)'))).toBe(true);
    // consecutive in the file, apart from the region markers gpt()'s text leaves out
    for (let i = 1; i < ns.length; i++) for (let n = ns[i - 1] + 1; n < ns[i]; n++) expect(file[n - 1]).toMatch(/\/\/ #(end)?region/);
  });

  it('places each dropped part before exactly one line: dropout before the embeddings\' norm, the final norm before lm_head', () => {
    for (const b of gpt2Blocks.filter((x) => x.status === 'dropped')) expect(blockLineNumbers(b, lines), b.id).toHaveLength(1);
    const two = { ...block('lnf'), lines: ["const logits = linear(x, sd['lm_head'])", 'return logits;'] };
    expect(() => blockLineNumbers(two, lines)).toThrow(/a dropped part goes before one line, not 2/);
  });

  it('fails loudly when a line a block names is missing or appears twice', () => {
    const fake = { ...block('ln1'), lines: ['nothing like this'] };
    expect(() => blockLineNumbers(fake, lines)).toThrow(/block "ln1": no lines of gpt\(\) start with "nothing like this"/);
    const twice = { ...block('ln1'), lines: ['x = rmsnorm(x)'] };
    expect(() => blockLineNumbers(twice, lines)).toThrow(/3 lines of gpt\(\) start with/);
  });
});

describe('blockEntries', () => {
  const sd = initStateDict(config, new Random(1));

  it('names only matrices a real initialisation has, with their shapes', () => {
    for (const b of gpt2Blocks) {
      for (const e of blockEntries(b, config)) {
        expect(sd[e.name], `${b.id}: ${e.name}`).toBeDefined();
        expect([sd[e.name].length, sd[e.name][0].length]).toEqual([e.rows, e.cols]);
        expect(e.count).toBe(e.rows * e.cols);
      }
    }
  });

  it('gives the shipped shapes: wte [27][16], attention 16 × 16, the MLP 64 × 16 and back', () => {
    const shape = (id: string) => blockEntries(block(id), config).map((e) => `${e.name} [${e.rows}][${e.cols}]`);
    expect(shape('wte')).toEqual(['wte [27][16]']);
    expect(shape('wpe')).toEqual(['wpe [16][16]']);
    expect(shape('attn')).toEqual(['layer0.attn_wq [16][16]', 'layer0.attn_wk [16][16]', 'layer0.attn_wv [16][16]', 'layer0.attn_wo [16][16]']);
    expect(shape('fc1')).toEqual(['layer0.mlp_fc1 [64][16]']);
    expect(shape('fc2')).toEqual(['layer0.mlp_fc2 [16][64]']);
    expect(shape('head')).toEqual(['lm_head [27][16]']);
    for (const id of ['dropout', 'embnorm', 'ln1', 'res1', 'ln2', 'gelu', 'res2', 'lnf']) expect(shape(id), id).toEqual([]);
  });

  it('lists each layer once more per layer: two layers read layer0. and layer1. matrices', () => {
    const two = { ...config, nLayer: 2 };
    expect(blockEntries(block('fc1'), two).map((e) => e.name)).toEqual(['layer0.mlp_fc1', 'layer1.mlp_fc1']);
    expect(blockEntries(block('layer'), two)).toHaveLength(12);
    const all = blockEntries(block('layer'), two).reduce((n, e) => n + e.count, 0);
    expect(all).toBe(2 * (4 * 16 * 16 + 2 * 64 * 16));
  });

  it('every matrix of the state dict belongs to some block', () => {
    const named = new Set(gpt2Blocks.flatMap((b) => blockEntries(b, config).map((e) => e.name)));
    expect([...named].sort()).toEqual(Object.keys(sd).sort());
  });
});

describe('the notes', () => {
  const ctx = { config, steps: 1000, documents: 8403 };
  it('say why for every block microgpt drops or changes, with numbers from the config', () => {
    expect(block('dropout').note(ctx)).toContain('1,000 steps on one name each, out of 8,403 names: it sees no name twice');
    expect(block('dropout').note({ ...ctx, documents: 400 })).toContain('at most 3 times');
    expect(block('ln1').note(ctx)).toContain('32 numbers');
    expect(block('attn').note(ctx)).toContain('64 numbers');
    expect(block('fc1').note(ctx)).toContain('from 16 to 64 numbers');
    expect(block('lnf').note(ctx)).toContain('straight into lm_head');
    expect(block('lnf').note(ctx)).toContain('one right after the embeddings');
    expect(block('dropout').note(ctx)).toContain('sets a random tenth');
    expect(block('dropout').note(ctx)).toContain('multiplies the rest by 10/9');
    expect(block('embnorm').status).toBe('added');
    expect(block('embnorm').note(ctx)).toContain('GPT-2 sends the sum straight into its first block');
    expect(block('ln1').note({ ...ctx, config: { ...config, nLayer: 3 } })).toContain('32 numbers per layer, 96 in all');
  });
});

describe('gpt2ExtraCounts', () => {
  it('counts the biases and norm parameters GPT-2 would add: 144 and 96 for microgpt', () => {
    // per layer: q, k, v, W_o biases 4 × 16, fc1 64, fc2 16; norms: 2 per layer + 1 final, 2 × 16 each
    expect(gpt2ExtraCounts(config)).toEqual({ biases: 64 + 64 + 16, norms: 3 * 32 });
    expect(gpt2ExtraCounts({ ...config, nLayer: 2 })).toEqual({ biases: 288, norms: 5 * 32 });
  });
});

describe('excerpt', () => {
  const src = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ n: n + 10, text: n % 2 ? `  line${n}` : `line${n}` }));
  it('keeps the highlighted lines with one line around each run, and marks the gaps', () => {
    const out = excerpt(src, [12, 17]);
    expect(out.map((l) => ('gap' in l ? '…' : 'insert' in l ? '+' : `${l.n}${l.highlight ? '*' : ''}`))).toEqual(['11', '12*', '13', '…', '16', '17*', '18']);
  });
  it('for a dropped part, highlights no line and marks the place just above the named one, at its indentation', () => {
    const out = excerpt(src, [13], 1, true);
    expect(out.map((l) => ('gap' in l ? '…' : 'insert' in l ? `+${l.n}/${l.indent}` : `${l.n}${l.highlight ? '*' : ''}`))).toEqual(['12', '+13/2', '13', '14']);
  });
  it('measures indentation for the hanging indent', () => {
    const out = excerpt(src, [11]);
    expect(out.map((l) => ('gap' in l ? -1 : l.indent))).toEqual([2, 0]);
  });
  it('shows nothing for no highlighted lines', () => {
    expect(excerpt(src, [])).toEqual([]);
  });
});

describe('lineList and splitComment', () => {
  it.each([
    [[60], 'line 60'],
    [[52, 53, 54, 57], 'lines 52–54, 57'],
    [[1, 3], 'lines 1, 3'],
  ])('writes %j as “%s”', (ns, text) => expect(lineList(ns)).toBe(text));

  it('says where a dropped part would go, and where the others are', () => {
    expect(placeText('dropped', [103])).toBe('just before line 103');
    expect(placeText('added', [57])).toBe('line 57');
    expect(placeText('kept', [53, 55])).toBe('lines 53, 55');
  });

  it('splits a trailing comment from its code', () => {
    expect(splitComment("const a = 1; // why")).toEqual({ code: 'const a = 1; ', comment: '// why' });
    expect(splitComment('// 1) attention')).toEqual({ code: '', comment: '// 1) attention' });
    expect(splitComment("x = add(x, y);")).toEqual({ code: 'x = add(x, y);', comment: '' });
  });
});
