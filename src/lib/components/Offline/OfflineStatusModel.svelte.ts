/** Whether the browser is online (navigator.onLine and its events); registers the service worker once the app is ready. */
import { registerOffline } from '$lib/offline/register.ts';

export class OfflineStatusModel {
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  private registered = false;

  constructor(ready: () => boolean, base: string) {
    $effect(() => {
      const set = () => (this.online = navigator.onLine);
      addEventListener('online', set);
      addEventListener('offline', set);
      return () => (removeEventListener('online', set), removeEventListener('offline', set));
    });
    $effect(() => {
      if (ready() && !this.registered) {
        this.registered = true;
        void registerOffline(base);
      }
    });
  }
}
