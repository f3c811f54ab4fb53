// A name the reader types, run through the trained model: the typed text kept for the next
// visit, checked against the model's vocabulary and block size, and traced position by
// position. A name that cannot be read leaves the last one that could on show, so a widget
// never goes blank while the reader is typing. Call while the component is created.

import { textLimits } from '../viz/shared/input-limits.ts';
import { toValueStateDict } from '../engine/model.ts';
import { checkName, traceName, type NameTrace } from '../viz/attention/name-trace.ts';
import { useKept, type Kept } from './kept.svelte.ts';
import { shippedModel } from './shipped-model.svelte.ts';

/** The longest text a name field takes. */
export const nameFieldLength = textLimits.name;

/** The typed name (kept under `key`), what checking it found, and the trace on show. */
export type TracedName = {
  readonly kept: Kept<string>;
  readonly check: ReturnType<typeof checkName> | null; // null until the model has loaded
  readonly trace: NameTrace;
  /** What to tell the reader: the check's problem, or that the model did not load; '' when all is well. */
  readonly problem: string;
};

/** The reader's name for this widget, starting from the build-time trace `initial`. */
export function useTracedName(key: string, initial: NameTrace): TracedName {
  const kept = useKept<string>(key, initial.name, (s): s is string => typeof s === 'string' && s.length <= nameFieldLength);
  const shipped = $derived(shippedModel.value);
  const model = $derived(shipped ? { config: shipped.config, params: toValueStateDict(shipped.stateDict) } : null);
  const check = $derived(shipped ? checkName(shipped.tokenizer, shipped.config.blockSize, kept.current) : null);
  let lastRead = initial;
  const trace = $derived.by(() => {
    if (model && shipped && check?.ok) lastRead = traceName(model, shipped.tokenizer, check.name);
    return lastRead;
  });
  const problem = $derived(check && !check.ok ? check.problem.message : shippedModel.error ? `Could not load the model: ${shippedModel.error}.` : '');
  return {
    kept,
    get check() { return check; },
    get trace() { return trace; },
    get problem() { return problem; },
  };
}
