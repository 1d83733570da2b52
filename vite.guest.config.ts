import { resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';

/**
 * The tour view's preload (preload/tour.ts → out/tour-preload/index.cjs), built with the pages that
 * use it. A sandboxed preload can require nothing but 'electron', so it is one CommonJS file with zod
 * and the contract bundled in; it has its own folder, so the app's build never empties it.
 */
function tourPreload(): Plugin {
  return {
    name: 'roomdesk-tour-preload',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir: resolve(import.meta.dirname, 'out/tour-preload'),
          emptyOutDir: true,
          minify: false,
          lib: { entry: resolve(import.meta.dirname, 'preload/tour.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
          rollupOptions: { external: ['electron'] },
        },
      });
    },
  };
}

/**
 * The guest page and the tour page: static pages built from the same tour code, with no app bridge
 * (`npm run build:guest` → out/guest: index.html for guests, tour.html for the agent's tour view).
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'guest'),
  base: './',
  logLevel: 'warn',
  plugins: [tourPreload()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/guest'),
    emptyOutDir: true,
    // The page's inline-free policy: no module preload polyfill script is inlined.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: resolve(import.meta.dirname, 'guest/index.html'), tour: resolve(import.meta.dirname, 'guest/tour.html') },
      output: {
        // As in the app's renderer: its own chunk, run before any chunk that may build a zod schema.
        manualChunks: (id) => (id.endsWith('common/zod-jitless.ts') ? 'zod-jitless' : undefined),
      },
    },
  },
});
