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

describe('the profile form’s Guest page URL', () => {
  const messages = { ...en.profileForm.invalid, guestPageUrl: en.guestPasses.profileFieldInvalid };

  it('saves a trimmed https address, and leaves the field out when empty', () => {
    const checked = validateProfileForm({ ...filled(), guestPageUrl: '  https://tour.agency.example/guest/ ' }, { isNew: true, messages });
    expect(checked.ok && checked.draft.guestPageUrl).toBe('https://tour.agency.example/guest/');
    const empty = validateProfileForm(filled(), { isNew: true, messages });
    expect(empty.ok && 'guestPageUrl' in empty.draft).toBe(false);
  });

  it('refuses plain http to another computer, with the field’s own message', () => {
    const checked = validateProfileForm({ ...filled(), guestPageUrl: 'http://tour.agency.example/' }, { isNew: true, messages });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors.guestPageUrl).toBe(en.guestPasses.profileFieldInvalid);
    expect(validateProfileForm({ ...filled(), guestPageUrl: 'http://127.0.0.1:4010/guest/' }, { isNew: true, messages }).ok).toBe(true);
  });

  it('shows a saved address when editing, and none for the sandbox', () => {
    const saved = {
      id: 'acme',
      name: 'Acme',
      region: 'global',
      baseUrl: 'https://app-gateway.realsee.ai',
      appKey: 'k',
      roles: { host: 'anchor', guest: 'audience' },
      userId: 'a',
      nickname: '',
      timeZone: 'Asia/Shanghai',
      guestPageUrl: 'https://tour.agency.example/',
      hasSecret: true,
      isSandbox: false,
      active: true,
    } as const;
    expect(initialFormValues(saved).guestPageUrl).toBe('https://tour.agency.example/');
    expect(initialFormValues({ ...saved, isSandbox: true, region: 'sandbox' }).guestPageUrl).toBe('');
  });
});
