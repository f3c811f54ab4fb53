// Memorised or new: whether a generated name is one of the names the model was trained on.

/** The training names as a set, for checking many generated names. */
export function trainingSet(names: readonly string[]): ReadonlySet<string> {
  return new Set(names);
}

/** Each generated name with whether it appears in the training names. */
export function markMemorised(generated: readonly string[], training: ReadonlySet<string>): { name: string; memorised: boolean }[] {
  return generated.map((name) => ({ name, memorised: training.has(name) }));
}
