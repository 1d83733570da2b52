import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

function newestTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Tests of the built files run on a fresh build: rebuilds when a source is newer than `out/`. */
export function ensureBuilt(): void {
  const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((file) => {
    try {
      return statSync(join(projectRoot, file)).mtimeMs;
    } catch {
      return 0;
    }
  });
  const sources = Math.max(...['main', 'preload', 'common', 'renderer'].map((dir) => newestTime(join(projectRoot, dir))));
  if (sources > Math.min(...built)) execFileSync(join(projectRoot, 'node_modules/.bin/electron-vite'), ['build'], { cwd: projectRoot, stdio: 'ignore' });
}
