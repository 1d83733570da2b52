import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const voiceDir = join(import.meta.dirname, '../../../main/voice');

/** main/voice has no I/O of its own (lint keeps Electron and Node built-ins out of it). */
describe('main/voice', () => {
  const files = readdirSync(voiceDir).filter((name) => name.endsWith('.ts'));

  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s never logs', (name) => {
    expect(readFileSync(join(voiceDir, name), 'utf8')).not.toMatch(/console\.|logger\./);
  });
});
