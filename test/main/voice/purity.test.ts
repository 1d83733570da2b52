import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const voiceDir = join(import.meta.dirname, '../../../main/voice');

/** main/voice runs in plain Node and in tests: no Electron, and no I/O of its own. */
describe('main/voice', () => {
  const files = readdirSync(voiceDir).filter((name) => name.endsWith('.ts'));

  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s imports neither electron nor Node built-ins', (name) => {
    const source = readFileSync(join(voiceDir, name), 'utf8');
    const specifiers = [...source.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]);
    expect(specifiers.filter((specifier) => specifier === 'electron' || specifier?.startsWith('node:'))).toEqual([]);
  });

  it.each(files)('%s never logs', (name) => {
    expect(readFileSync(join(voiceDir, name), 'utf8')).not.toMatch(/console\.|logger\./);
  });
});
