import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The guest page: a static site built from the tour code, with no bridge (`npm run build:guest` → out/guest). */
export default defineConfig({
  root: resolve(import.meta.dirname, 'guest'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, 'out/guest'),
    emptyOutDir: true,
    // The page's inline-free policy: no module preload polyfill script is inlined.
    modulePreload: { polyfill: false },
  },
});
