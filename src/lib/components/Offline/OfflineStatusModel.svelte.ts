/**
 * Whether the app is online: the browser says so (navigator.onLine and its events) and the data did not
 * come from the service worker's offline copy because the network failed (`offlineCopy`: the server or
 * the network unreachable while the link is up). Registers the service worker once the app is ready.
 */
import { registerOffline } from '$lib/offline/register.ts';

export class OfflineStatusModel {
  private linkUp = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  private registered = false;
  get online(): boolean {
    return this.linkUp && !this.offlineCopy();
  }

  constructor(
    ready: () => boolean,
    base: string,
    private readonly offlineCopy: () => boolean = () => false
  ) {
    $effect(() => {
      const set = () => (this.linkUp = navigator.onLine);
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
