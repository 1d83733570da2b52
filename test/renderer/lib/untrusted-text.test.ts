import { describe, expect, it } from 'vitest';
import { plainText } from '../../../renderer/src/lib/untrusted-text';
import { profileName } from '../../../renderer/src/lib/profile-label';
import { en } from '../../../renderer/src/i18n/en';
import type { ProfileSummary } from '../../../common/profile';

describe('text from a gateway or a profile', () => {
  it('loses every bidi override, embedding, isolate and mark', () => {
    // "‮gpj.exe" would show as "exe.jpg" with the right-to-left override left in.
    expect(plainText('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(plainText('\u2066Ann\u2069 \u200Fa\u200E\u061C\u202A\u202B\u202C\u202D\u2067\u2068')).toBe('Ann a');
  });

  it('keeps right-to-left letters, Chinese and emoji as they are', () => {
    expect(plainText('שלום 王芳 👋')).toBe('שלום 王芳 👋');
  });

  it('applies to profile names wherever they are shown', () => {
    const profile = { name: 'Office\u202E1', isSandbox: false } as ProfileSummary;
    expect(profileName(profile, en)).toBe('Office1');
  });
});
