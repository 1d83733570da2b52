import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const shellDir = join(import.meta.dirname, '../../../main/shell');

describe('main/shell', () => {
  const files = readdirSync(shellDir).filter((name) => name.endsWith('.ts'));

  it('has decision modules to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s imports nothing from electron but types', (name) => {
    const source = readFileSync(join(shellDir, name), 'utf8');
    const electronImports = source.match(/^\s*(import|export)\b[^;]*from\s+['"]electron['"]/gm) ?? [];
    const valueImports = electronImports.filter((statement) => !/^\s*(import|export)\s+type\b/.test(statement));
    expect(valueImports).toEqual([]);
    expect(source).not.toMatch(/require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/);
  });
});
