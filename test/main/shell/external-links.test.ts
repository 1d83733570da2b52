import { beforeEach, describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({ openExternal: vi.fn(async (_url: string) => undefined) }));
// The real 'electron' module starts a binary download when imported in Node.
vi.mock('electron', () => ({ shell }));

const { openExternalSafely } = await import('../../../main/electron/external-links');

describe('openExternalSafely', () => {
  beforeEach(() => shell.openExternal.mockClear());

  it('hands an https URL to the system browser, normalised', async () => {
    await expect(openExternalSafely('HTTPS://My.Realsee.AI/console?x=1')).resolves.toBe(true);
    expect(shell.openExternal.mock.calls).toEqual([['https://my.realsee.ai/console?x=1']]);
  });

  it('refuses anything else without calling the OS', async () => {
    for (const url of ['http://example.com', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'https://a@b.com', '']) {
      await expect(openExternalSafely(url)).resolves.toBe(false);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
