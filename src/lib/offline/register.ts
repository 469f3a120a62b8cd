/**
 * Registers the service worker (src/service-worker.ts) once the dashboard is ready: its precache then
 * never competes with the first load. Production builds only (Vite's dev server has no worker file).
 */
import { dev } from '$app/environment';

export function registerOffline(base: string): void {
  if (dev || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(`${base}/service-worker.js`, { scope: `${base}/` }).catch((e) => console.warn('[peta-aks] service worker', e));
}
