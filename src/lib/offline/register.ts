/**
 * Registers the service worker (src/service-worker.ts) once the dashboard is ready: its precache then
 * never competes with the first load. The first-paint file this page read before the worker existed is
 * handed to it to keep (only that variant: a public page never stores the internal one). Production
 * builds only (Vite's dev server has no worker file).
 */
import { dev } from '$app/environment';

export async function registerOffline(base: string): Promise<void> {
  if (dev || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register(`${base}/service-worker.js`, { scope: `${base}/` });
    const worker = (await navigator.serviceWorker.ready).active;
    const paths = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && /\/data\/snapshots\/[^/]+\.paint(-public)?\.json$/.test(u.pathname))
      .map((u) => u.pathname);
    worker?.postMessage({ type: 'keep', paths });
  } catch (e) {
    console.warn('[peta-aks] service worker', e);
  }
}
