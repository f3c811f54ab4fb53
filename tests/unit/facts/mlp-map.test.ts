import { describe, expect, it } from 'vitest';
import { modelMapFacts } from '../../../src/facts/mlp.ts';

// The prose says the norm at the start of the block moves only the later digits of a vector the
// embeddings' norm already normalised: at the decimals it prints, that difference must show.

describe('modelMapFacts', () => {
  it('prints the two norms in a row with enough decimals that they differ', () => {
    expect(modelMapFacts.normDecimals).toBe(6);
    expect(modelMapFacts.embNormText).not.toBe(modelMapFacts.norm1Text);
    // "b" at position 2: wte[b] + wpe[2] = (−0.4, 0.5), worked by hand
    const ms = (0.16 + 0.25) / 2;
    const x = [-0.4, 0.5].map((v) => v / Math.sqrt(ms + 1e-5));
    const again = x.map((v) => v / Math.sqrt((x[0] ** 2 + x[1] ** 2) / 2 + 1e-5));
    expect(modelMapFacts.embNormText).toBe(x.map((v) => v.toFixed(6).replace('-', '−')).join(', '));
    expect(modelMapFacts.norm1Text).toBe(again.map((v) => v.toFixed(6).replace('-', '−')).join(', '));
  });
});
