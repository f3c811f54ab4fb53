// A load that runs at most once per page and is shared by everyone who asks: the first call
// starts it, later calls get the same promise. A failed load is forgotten, so asking again retries.

/** Wrap `load` so it runs once while it succeeds, and again after a failure. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = null;
      throw e instanceof Error ? e : new Error(String(e));
    });
    return pending;
  };
}
