// Numbers chapter 6 quotes, computed when the site is built.

import { parameterTable, type ParameterTable } from '../viz/mlp/parameter-table.ts';
import { calculatorPresets } from '../viz/mlp/calculator-presets.ts';
import { gpt2Count, gpt2Small } from '../viz/mlp/gpt2-small.ts';

function tableOf(id: string): ParameterTable & { config: (typeof calculatorPresets)[number]['config'] } {
  const preset = calculatorPresets.find((p) => p.id === id);
  if (!preset) throw new Error(`no calculator preset ${id}`);
  const t = parameterTable(preset.config);
  if (!t.ok) throw new Error(t.problem.message);
  return { ...t, config: preset.config };
}

const count = (t: ParameterTable, group: ParameterTable['groups'][number]['group']) => t.groups.find((g) => g.group === group)!.count;

/** The parameter counts of the calculator's presets, by group. */
export function parameterFacts() {
  const microgpt = tableOf('microgpt');
  const wide = tableOf('wide');
  const toy = tableOf('toy');
  const gpt2 = tableOf('gpt2');
  const by = (t: ParameterTable) => ({ embeddings: count(t, 'embeddings'), attention: count(t, 'attention'), mlp: count(t, 'mlp'), output: count(t, 'output') });
  return {
    microgpt: { config: microgpt.config, total: microgpt.total, ...by(microgpt) },
    wide: { config: wide.config, total: wide.total, ...by(wide) },
    toy: { config: toy.config, total: toy.total },
    gpt2: { config: gpt2Small, formula: gpt2.total, ...by(gpt2), ...gpt2Count(gpt2Small, gpt2.total) },
  };
}
