import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { appVoicePolicy, metaContentSecurityPolicy } from './main/shell/content-security-policy';

/**
 * The built renderer's CSP is this <meta> tag, first in <head>: the app loads the page from
 * file://, where response headers (and so main's CSP header) do not apply. Dev builds get none:
 * the dev server's inline React Refresh preamble would be refused, and main's header covers the
 * dev server's http page.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'roomdesk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: metaContentSecurityPolicy(appVoicePolicy),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve(__dirname, 'main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle zod and our code into it.
      externalizeDeps: false,
      lib: { entry: resolve(__dirname, 'preload/index.ts') },
      rollupOptions: {
        // A sandboxed renderer can only load a CommonJS preload.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves renderer code unminified by default; the first screen loads faster minified.
      minify: true,
      rollupOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        output: {
          // Its own chunk, imported first: chunks the entry imports run before the entry's own code, and
          // zod may share a chunk with React; jitless must be set before any of them builds a schema.
          manualChunks: (id) => (id.endsWith('common/zod-jitless.ts') ? 'zod-jitless' : undefined),
        },
      },
    },
  },
});
