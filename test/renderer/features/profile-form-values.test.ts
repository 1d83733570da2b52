import { describe, expect, it } from 'vitest';
import {
  initialFormValues,
  validateProfileForm,
  type ProfileFormValues,
} from '../../../renderer/src/features/profiles/profile-form-values';
import { en } from '../../../renderer/src/i18n/en';

const filled = (): ProfileFormValues => ({
  ...initialFormValues(),
  name: 'Office',
  appKey: 'key-1',
  appSecret: 'secret-1',
  userId: 'agent-1',
});

describe('the profile form', () => {
  it('makes a draft from a complete new profile', () => {
    const checked = validateProfileForm(filled(), { isNew: true, messages: en.profileForm.invalid });
    expect(checked.ok).toBe(true);
  });

  it('asks for the App Secret on a new profile and for the URL of a custom region', () => {
    const checked = validateProfileForm(
      { ...filled(), appSecret: '', region: 'custom', customBaseUrl: '' },
      { isNew: true, messages: en.profileForm.invalid },
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.appSecret).toBe(en.profileForm.invalid.appSecret);
    expect(checked.errors.customBaseUrl).toBe(en.profileForm.invalid.customBaseUrl);
  });

  it('lets an edited profile keep its stored secret', () => {
    const checked = validateProfileForm(
      { ...filled(), appSecret: '' },
      { isNew: false, existingId: 'p1', messages: en.profileForm.invalid },
    );
    expect(checked.ok).toBe(true);
  });
});
