// The logit vector a temperature widget works on, as runes: the model in use after the reader's
// prefix (kept for the next visit), or a made-up vector. Until the model has loaded, and while
// the prefix is bad, the last logits that could be computed stand (the build-time picture first:
// the shipped model's logits after the initial prefix).

import { Tokenizer } from '../../engine/tokenizer.ts';
import { useKept } from '../../state/kept.svelte.ts';
import { useModelInUse } from '../../state/model-in-use.svelte.ts';
import { prefixProblem } from '../../viz/home/name-prefix.ts';
import { modelLogits, presetLogits, presets, type Preset } from '../../viz/inference/temperature.ts';

export type LogitSource = 'model' | Preset;
const isSource = (v: unknown): v is LogitSource => v === 'model' || presets.includes(v as Preset);

/** Call while the component is created. chars: the shipped tokenizer's characters, for the still picture. */
export function useTemperatureLogits(key: string, initial: { prefix: string; logits: readonly number[]; chars: readonly string[] }) {
  const inUse = useModelInUse();
  const kept = useKept<{ source: LogitSource; prefix: string }>(key, { source: 'model', prefix: initial.prefix },
    (v): v is { source: LogitSource; prefix: string } => !!v && typeof v === 'object' && isSource((v as { source?: unknown }).source) && typeof (v as { prefix?: unknown }).prefix === 'string' && (v as { prefix: string }).prefix.length <= 40);
  const stillTokenizer = new Tokenizer(initial.chars);
  const m = $derived(inUse.current);
  const tokenizer = $derived(m?.tokenizer ?? stillTokenizer);
  const problem = $derived(m && kept.current.source === 'model' ? prefixProblem(m.tokenizer, m.config.blockSize, kept.current.prefix) : '');
  let computed: { prefix: string; logits: readonly number[]; tokenizer: Tokenizer; live: boolean } = $state.raw({ prefix: initial.prefix, logits: initial.logits, tokenizer: stillTokenizer, live: false });
  $effect(() => {
    if (!m || problem || kept.current.source !== 'model') return;
    computed = { prefix: kept.current.prefix, logits: Array.from(modelLogits(m.model, m.tokenizer, kept.current.prefix)), tokenizer: m.tokenizer, live: true };
  });
  const shown = $derived(kept.current.source === 'model' ? computed : { prefix: '', logits: Array.from(presetLogits(kept.current.source, tokenizer.vocabSize)), tokenizer, live: true });
  const stale = $derived(kept.current.source === 'model' && (!computed.live || computed.prefix !== kept.current.prefix || Boolean(problem)));
  const after = (p: string) => (p ? `after “${p}”` : 'at the start of a name');
  const note = $derived(
    inUse.error ? `Could not load the trained model: ${inUse.error}. Showing the logits ${after(computed.prefix)}, computed when this page was built.`
    : !m ? `Loading the model; meanwhile the logits ${after(computed.prefix)}, computed when this page was built.`
    : problem ? `Still showing the logits ${after(computed.prefix)}, the last the model could compute.`
    : `The logits of ${m.label} ${after(computed.prefix)}.`,
  );
  return {
    get source() { return kept.current.source; },
    set source(source: LogitSource) { kept.keep({ ...kept.current, source }); },
    get prefix() { return kept.current.prefix; },
    setPrefix(prefix: string) { kept.keep({ ...kept.current, prefix }); },
    get problem() { return problem; },
    get note() { return note; },
    get shown() { return shown; },
    /** the model in use (null until hydrated), for the note above the widget */
    get model() { return m; },
    get stale() { return stale; },
  };
}
