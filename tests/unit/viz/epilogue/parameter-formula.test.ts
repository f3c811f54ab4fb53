// The hand-written count against the calculator, and its refusal of models it does not describe.

import { describe, expect, it } from 'vitest';
import { comparedModel } from '../../../../src/viz/epilogue/models.ts';
import { formulaLabels, formulaParts, llamaStyleCount } from '../../../../src/viz/epilogue/parameter-formula.ts';
import { parameterTable } from '../../../../src/viz/mlp/parameter-table.ts';

describe('llamaStyleCount', () => {
  it.each(['llama3-8b', 'mixtral'])('gives %s the calculator’s total, term by term', (id) => {
    const m = comparedModel(id);
    const t = parameterTable(m.config, m.options);
    const terms = llamaStyleCount(m);
    expect(t.ok && t.total).toBe(terms.total.count);
    expect(terms.layers.count).toBe(m.config.nLayer * terms.layer.count);
    expect(terms.layer.count).toBe(terms.attnQo.count + terms.attnKv.count + terms.mlp.count + terms.router.count + terms.norms.count);
  });

  it('names every term and writes each as numbers = count', () => {
    const terms = llamaStyleCount(comparedModel('llama3-8b'));
    for (const part of formulaParts) {
      expect(formulaLabels[part].part.length).toBeGreaterThan(0);
      expect(terms[part].numbers).toMatch(/(= [\d,]+$)|^[\d,]+$|^none$/);
    }
  });

  it('refuses a model not built like Llama: microgpt and GPT-2 have learned positions and no gated MLP', () => {
    expect(() => llamaStyleCount(comparedModel('microgpt'))).toThrow(/not a Llama-style model/);
    expect(() => llamaStyleCount(comparedModel('gpt2'))).toThrow(/not a Llama-style model/);
  });
});
