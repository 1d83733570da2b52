import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../../renderer/src');

/**
 * Emoji (U+1F000 and up) and the telephone glyphs draw as empty boxes on a system without an emoji
 * font (many Linux desktops); the screens use CSS marks (`.voice-dot`) or `ui/Icon` with common glyphs.
 */
const unsafeGlyph = /[\u{1F000}-\u{1FFFF}\u{260E}\u{260F}\u{2B55}\u{2B24}\u{26AA}\u{26AB}]/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(tsx?|css|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('renderer glyphs', () => {
  it('uses no emoji or telephone glyphs that need an emoji font', () => {
    const found = sourceFiles(root).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (unsafeGlyph.test(line) ? [`${relative(root, file)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
