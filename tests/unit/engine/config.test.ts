// One config, named presets: microgpt's default and the 2-D toy.

import { describe, expect, it } from 'vitest';
import type { PresetName } from '../../../src/engine/config.ts';
import { configProblem, microgptConfig, presetConfig, presets, toyConfig } from '../../../src/engine/config.ts';
import { parameterCount } from '../../../src/engine/params.ts';

describe('config presets', () => {
  it("presetConfig('microgpt', 27) matches the Python program's sizes (16 wide, 4 heads, 1 layer, 16 positions) and their parameter count", () => {
    const c = presetConfig('microgpt', 27);
    expect(c).toEqual({ vocabSize: 27, nEmbd: 16, nHead: 4, nLayer: 1, blockSize: 16 });
    expect(parameterCount(c)).toBe(4192);
    expect(microgptConfig(27)).toEqual(c);
  });

  it("presetConfig('toy', 4) is the toy: width 2, one head, four positions", () => {
    expect(toyConfig).toEqual(presetConfig('toy', 4));
    expect(toyConfig).toEqual({ vocabSize: 4, nEmbd: 2, nHead: 1, nLayer: 1, blockSize: 4 });
  });

  it.each(Object.keys(presets) as PresetName[])('the %s preset is a usable config', (name) => {
    expect(configProblem(presetConfig(name, 27))).toBeNull();
  });
});
