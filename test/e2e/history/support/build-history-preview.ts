import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { build } from 'vite';

const projectRoot = resolve(import.meta.dirname, '../../../..');
export const historyPreviewRoot = resolve(projectRoot, 'renderer/src/features/history/preview');

/**
 * Builds the page that shows only the history review (renderer/src/features/history/preview) into
 * `outDir`, as a production build under the app's CSP: no inline scripts or styles.
 */
export async function buildHistoryPreview(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: historyPreviewRoot,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, rollupOptions: { input: resolve(historyPreviewRoot, 'index.html') } },
  });
}
