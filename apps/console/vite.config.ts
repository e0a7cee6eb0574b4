import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The operators' console, served by the service at /console (apps/payments/src/console).
 * Built into dist/console by `npm run build` / `npm start` (scripts/build.mjs). Every file but
 * index.html has a content hash in its name, so the service can cache them as immutable; no
 * inline script is emitted, so the console's CSP can be `script-src 'self'`.
 */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  publicDir: false,
  plugins: [react()],
  resolve: {
    alias: { '@app/client': here('../../libs/client/src/browser.ts') },
  },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The console is one screen of an internal tool: one script, loaded once, cached for good.
    chunkSizeWarningLimit: 2_000,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
