import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ fallback: '404.html' }),
    prerender: { handleHttpError: 'warn' },
    // src/service-worker.ts is registered by the dashboard once it is ready (src/lib/offline/register.ts)
    serviceWorker: { register: false },
    // Content-Security-Policy as a <meta> tag with the sha256 of SvelteKit's inline bootstrap script
    // (prerendered pages); nginx sends the same policy as a header (deploy/nginx.conf).
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self', 'blob:'],
        'connect-src': ['self'],
        'img-src': ['self', 'data:', 'blob:'],
        'style-src': ['self', 'unsafe-inline'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self']
      }
    }
  }
};
export default config;
