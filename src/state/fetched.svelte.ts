// A shipped file as state every island on the page shares: its value once loaded, or why it
// could not be. Nothing is fetched until an island asks (from an effect or an event, never
// while rendering), so the page's build-time picture hydrates as it was built.

/** What an island reads: the value (null until loaded), the error (empty unless the load failed), and load() to ask for it. */
export type Fetched<T> = {
  readonly value: T | null;
  readonly error: string;
  /** Start the load, or join the one under way; resolves to the value, or null after a failure (see error). */
  load(): Promise<T | null>;
};

/** Shared state around a once-per-page load. */
export function fetched<T>(load: () => Promise<T>): Fetched<T> {
  let value: T | null = $state.raw(null);
  let error = $state('');
  return {
    get value() {
      return value;
    },
    get error() {
      return error;
    },
    load() {
      return load().then(
        (v) => {
          error = '';
          return (value = v);
        },
        (e: Error) => {
          error = e.message;
          return null;
        },
      );
    },
  };
}
