// A Storage-like object for unit tests of what the site keeps in the browser: `mode` makes it
// refuse as a browser does (storage turned off, or full).

export class FakeStorage {
  data = new Map<string, string>();
  mode: 'ok' | 'off' | 'full' = 'ok';
  getItem(k: string) {
    if (this.mode === 'off') throw new DOMException('denied', 'SecurityError');
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.mode === 'off') throw new DOMException('denied', 'SecurityError');
    if (this.mode === 'full') throw new DOMException('exceeded the quota', 'QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    if (this.mode === 'off') throw new DOMException('denied', 'SecurityError');
    this.data.delete(k);
  }
}

/** Put a fresh FakeStorage on globalThis.localStorage; returns it. */
export function installFakeStorage(): FakeStorage {
  const storage = new FakeStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });
  return storage;
}

/** Take localStorage away again. */
export function removeFakeStorage(): void {
  delete (globalThis as { localStorage?: unknown }).localStorage;
}
