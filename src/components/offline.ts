// Offline reading: registers the service worker Workbox generated at build time
// (scripts/build/service-worker.ts), says in the header when the connection is gone, and, when a
// new version of the book has installed in the background, offers to switch to it now
// (otherwise it takes over on the next visit). Registration failing (offline on a first visit,
// private modes) changes nothing: the site works as a plain website.

export const offlineMessages = {
  saved: 'You are offline. The whole book is saved on this device: every page and figure still works.',
  unsaved: 'You are offline. Pages you have not opened yet need the connection.',
} as const;

/** The header's status line: empty while online. */
export function offlineMessage(online: boolean, saved: boolean): string {
  if (online) return '';
  return saved ? offlineMessages.saved : offlineMessages.unsaved;
}

/** Keep `line` (a role=status element) saying whether the reader is offline. */
export function installOfflineStatus(line: HTMLElement): void {
  const show = () => {
    line.textContent = offlineMessage(navigator.onLine, Boolean(navigator.serviceWorker?.controller));
  };
  addEventListener('online', show);
  addEventListener('offline', show);
  show();
}

/** How long after the load event the service worker is registered. */
export const registerDelayMs = 2000;

/** Register `url` as the site's service worker; `notice` (hidden) holds the "new version" message and its button. */
export function registerServiceWorker(url: string, notice: HTMLElement): void {
  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  let switching = false;
  const offer = (waiting: ServiceWorker) => {
    notice.hidden = false;
    notice.querySelector('button')!.onclick = () => {
      switching = true;
      waiting.postMessage({ type: 'SKIP_WAITING' }); // Workbox's generateSW listens for this
    };
  };
  // the first install also takes control (clientsClaim) and must not reload the page
  sw.addEventListener('controllerchange', () => {
    if (switching) location.reload();
  });
  const start = async () => {
    const reg = await sw.register(url, { scope: '/' });
    if (reg.waiting && sw.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const next = reg.installing;
      next?.addEventListener('statechange', () => {
        if (next.state === 'installed' && sw.controller) offer(next);
      });
    });
  };
  // offline, registering would fail (and Chromium logs an error): the next page opened online registers
  const go = () => {
    if (navigator.onLine) start().catch(() => {}); // refused (private modes, storage off): nothing to do
  };
  // a little after the page's own loading, so precaching never competes with it, and a
  // connection that drops as the page arrives is seen as offline before the worker is fetched
  const soon = () => setTimeout(go, registerDelayMs);
  if (document.readyState === 'complete') soon();
  else addEventListener('load', soon, { once: true });
}
