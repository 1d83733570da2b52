import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../main/shell/external-url';

describe('isSafeExternalUrl', () => {
  it('accepts plain https URLs', () => {
    expect(isSafeExternalUrl('https://my.realsee.ai/console')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://Realsee.AI/abc?x=1#y')).toBe(true);
  });

  it('refuses other schemes', () => {
    for (const url of [
      'http://realsee.ai',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,x',
      'smb://host/share',
      'ms-msdt:/id',
      'mailto:a@b.c',
      'ftp://host/x',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });

  it('refuses credentials in the URL', () => {
    expect(isSafeExternalUrl('https://user@realsee.ai/')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@realsee.ai/')).toBe(false);
    expect(isSafeExternalUrl('https://realsee.ai@evil.com/')).toBe(false);
  });

  it('refuses text that is not an absolute URL with a host', () => {
    for (const url of ['', 'realsee.ai', '//realsee.ai', 'https://', ' ']) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });
});
