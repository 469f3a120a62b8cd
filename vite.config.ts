import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { snapshotRanges } from './deploy/snapshot-ranges.mjs';

export default defineConfig({
  // snapshotRanges first: its middleware answers `.duckdb` requests before compression and sirv
  plugins: [snapshotRanges(), sveltekit()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
  // `PORT=8080 npm start` serves on another port (the e2e test of `npm start` uses a free one)
  preview: { host: '127.0.0.1', port: Number(process.env.PORT) || 4173, strictPort: true },
  test: {
    include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts', 'scripts/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks'
  }
});
