// The whole program's explanations against the real listing: the same check the page's build
// runs, so a line edited in the engine without its explanation fails here first.
import { describe, expect, it } from 'vitest';
import { programGroups } from '../../../content/program/explanations.ts';
import { listingBlocks, listingLines, programLinkOf, twinBlocks, twinFile, twinLines } from '../../../src/components/program/listing.ts';
import { readRegion } from '../../../src/components/code-regions.ts';
import { placeTwin, twinRows } from '../../../src/viz/program/twin.ts';

describe('the whole program', () => {
  const lines = listingLines();

  const py = twinLines();

  it('explains every non-blank line of the listing and of the Python twin, and every explanation names lines that are there', () => {
    const { groups, problems } = placeTwin(lines, py, programGroups, twinFile);
    expect(problems).toEqual([]);
    expect(groups).toHaveLength(programGroups.length);
    expect(groups.every((g) => g.ts || g.py)).toBe(true);
  });

  it('shows the twin’s regions whole, in the listing’s order, and leaves out its command line', () => {
    for (const b of twinBlocks()) expect(b.code).toBe(readRegion(twinFile, b.region).code);
    expect(py.map((l) => l.n)).toEqual(py.map((_, i) => i + 1));
    expect(py.some((l) => l.text.includes('def main('))).toBe(false);
    const at = (text: string) => py.findIndex((l) => l.text.startsWith(text));
    expect(at('def adam_step(')).toBeLessThan(at('def training_order('));
    expect(at('def training_order(')).toBeLessThan(at('def train_step('));
  });

  it('pairs TypeScript and Python lines that do the same thing', () => {
    const { groups } = placeTwin(lines, py, programGroups, twinFile);
    const pair = (tsText: string) => {
      const g = groups.find((x) => x.ts && lines[x.ts.start - 1].text.includes(tsText))!;
      return g.py ? py[g.py.start - 1].text.trim() : null;
    };
    expect(pair("const tokEmb = sd['wte'][token]")).toBe("tok_emb = state_dict['wte'][token_id]  # [n_embd]");
    expect(pair('const attnWeights = softmax(attnLogits)')).toBe('attn_weights = softmax(attn_logits)  # [t]');
    expect(pair('const loss = probs[target].log().neg();')).toBe('losses.append(-probs[target_id].log())');
    expect(pair('loss.backward();')).toBe('loss.backward()');
    expect(pair('m[i] = beta1 * m[i] + (1 - beta1) * g;')).toBe('m[i] = beta1 * m[i] + (1 - beta1) * g');
    expect(pair('readonly chars: readonly string[];')).toBeNull();
    expect(pair("/** microgpt's Adam: learning rate 0.01")).toBe("beta1, beta2, learning_rate, eps_adam = 0.85, 0.99, 0.01, 1e-8  # Adam's settings");
    expect(pair('/** Sum of Values left to right')).toBe('def vsum(xs):');
  });

  it('lines the two sides up: every line once, each group as tall on both sides', () => {
    const { groups } = placeTwin(lines, py, programGroups, twinFile);
    const rows = twinRows(lines, py, groups);
    const shown = rows.flatMap((r) => (r.kind === 'group' ? r.ts : []));
    const shownPy = rows.flatMap((r) => (r.kind === 'group' ? r.py : []));
    expect(shown).toEqual(lines.map((l) => l.n));
    expect(shownPy).toEqual(py.map((l) => l.n));
    for (const r of rows) if (r.kind === 'group') expect(r.ts.length + r.tsPad).toBe(r.py.length + r.pyPad);
  });

  it('numbers the lines continuously from 1, each with the file line it shows', () => {
    expect(lines.map((l) => l.n)).toEqual(lines.map((_, i) => i + 1));
    for (const b of listingBlocks()) expect(b.code.split('\n')).toEqual(b.lines.map((l) => l.text));
  });

  it('keeps to microgpt’s order: data, tokenizer, Value, parameters, model, loss, Adam, training, sampling', () => {
    const files = [...new Set(lines.map((l) => l.file.replace('src/engine/', '')))];
    expect(files).toEqual(['data.ts', 'tokenizer.ts', 'value.ts', 'config.ts', 'params.ts', 'nn.ts', 'model.ts', 'loss.ts', 'adam.ts', 'train.ts', 'run.ts', 'sample.ts']);
  });

  it('leaves out region markers and import lines', () => {
    expect(lines.filter((l) => /#(end)?region|^import /.test(l.text))).toEqual([]);
  });

  it('gives a chapter’s region the permalink of its first line, and none to a line off the path', () => {
    const tokEmb = lines.find((l) => l.text.includes("const tokEmb = sd['wte'][token]"))!;
    expect(programLinkOf('src/engine/model.ts', tokEmb.fileLine)).toBe(`/program/#L${tokEmb.n}`);
    expect(programLinkOf('src/engine/fast.ts', 1)).toBeNull();
  });

  it('maps the model’s lines to their trace points', () => {
    const { groups } = placeTwin(lines, py, programGroups, twinFile);
    const traceOf = (text: string) => groups.find((g) => g.ts && lines[g.ts.start - 1].text.includes(text))?.spec.trace;
    expect(traceOf("const tokEmb = sd['wte'][token]")).toEqual({ kind: 'vector', point: 'tokEmb' });
    expect(traceOf('const attnWeights = softmax(attnLogits)')).toEqual({ kind: 'heads' });
    expect(traceOf("const logits = linear(x, sd['lm_head'])")).toEqual({ kind: 'logits' });
    expect(traceOf('const loss = probs[target].log().neg();')).toEqual({ kind: 'loss' });
    expect(traceOf('add(other: Value | number): Value {')).toBeUndefined();
  });
});
