// Local storage that never throws: storage may be disabled (private mode, blocked cookies)
// or full. Reads fall back to a default; writes report whether they stuck.

const prefix = 'inside-microgpt:';

/** Read a JSON value, or the fallback when it is missing, unreadable or storage is off. */
export function loadJSON<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(prefix + key);
    return raw == null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

/** Write a JSON value. Returns an error message instead of throwing (e.g. quota exceeded). */
export function saveJSON(key: string, value: unknown): string | null {
  try {
    if (!globalThis.localStorage) return 'this browser keeps no local storage';
    globalThis.localStorage.setItem(prefix + key, JSON.stringify(value));
    return null;
  } catch (e) {
    const name = (e as Error)?.name ?? '';
    return /quota/i.test(name) || /quota/i.test(String(e))
      ? 'browser storage is full'
      : 'browser storage is turned off for this site';
  }
}

/** Remove a key; quietly does nothing when storage is off. */
export function removeKey(key: string): void {
  try {
    globalThis.localStorage?.removeItem(prefix + key);
  } catch {
    /* storage off: nothing was stored either */
  }
}

/**
 * Call `listener` with the new JSON value whenever another tab of the site writes `key` (null
 * when it removed it or wrote something unreadable). Returns a function that stops listening.
 */
export function onOtherTabWrite(key: string, listener: (value: unknown) => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const handle = (e: StorageEvent) => {
    if (e.key !== prefix + key) return;
    let value: unknown = null;
    try {
      value = e.newValue == null ? null : JSON.parse(e.newValue);
    } catch {
      value = null;
    }
    listener(value);
  };
  window.addEventListener('storage', handle);
  return () => window.removeEventListener('storage', handle);
}
