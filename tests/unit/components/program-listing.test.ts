// The whole program's explanations against the real listing: the same check the page's build
// runs, so a line edited in the engine without its explanation fails here first.
import { describe, expect, it } from 'vitest';
import { programGroups } from '../../../content/program/explanations.ts';
import { listingBlocks, listingLines, programLinkOf } from '../../../src/components/program/listing.ts';
import { placeGroups } from '../../../src/viz/program/line-groups.ts';

describe('the whole program', () => {
  const lines = listingLines();

  it('explains every non-blank line of the listing, and every explanation names a line that is there', () => {
    const { groups, problems } = placeGroups(lines, programGroups);
    expect(problems).toEqual([]);
    expect(groups).toHaveLength(programGroups.length);
  });

  it('numbers the lines continuously from 1, each with the file line it shows', () => {
    expect(lines.map((l) => l.n)).toEqual(lines.map((_, i) => i + 1));
    for (const b of listingBlocks()) expect(b.code.split('\n')).toEqual(b.lines.map((l) => l.text));
  });

  it('keeps to microgpt’s order: data, tokenizer, Value, parameters, model, loss, Adam, training, sampling', () => {
    const files = [...new Set(lines.map((l) => l.file.replace('src/engine/', '')))];
    expect(files).toEqual(['data.ts', 'tokenizer.ts', 'value.ts', 'params.ts', 'nn.ts', 'model.ts', 'loss.ts', 'adam.ts', 'train.ts', 'run.ts', 'sample.ts']);
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
    const { groups } = placeGroups(lines, programGroups);
    const traceOf = (text: string) => groups.find((g) => lines[g.start - 1].text.includes(text))?.spec.trace;
    expect(traceOf("const tokEmb = sd['wte'][token]")).toEqual({ kind: 'vector', point: 'tokEmb' });
    expect(traceOf('const attnWeights = softmax(attnLogits)')).toEqual({ kind: 'heads' });
    expect(traceOf("const logits = linear(x, sd['lm_head'])")).toEqual({ kind: 'logits' });
    expect(traceOf('const loss = probs[target].log().neg();')).toEqual({ kind: 'loss' });
    expect(traceOf('add(other: Value | number): Value {')).toBeUndefined();
  });
});
