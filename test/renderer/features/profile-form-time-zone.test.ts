import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../common/profile';
import { initialFormValues, toDraft, validateProfileForm } from '../../../renderer/src/features/profiles/profile-form-values';

const messages = {
  name: 'name',
  customBaseUrl: 'url',
  appKey: 'key',
  appSecret: 'secret',
  userId: 'user',
  nickname: 'nick',
  roles: 'roles',
  endpoints: 'paths',
  timeZone: 'zone',
  fallback: 'check',
};

const filled = { ...initialFormValues(), name: 'Acme', appKey: 'KEY', appSecret: 'SECRET', userId: 'agent-7' };

describe('the profile form’s time zone', () => {
  it('starts at Asia/Shanghai for a new profile and at the saved zone when editing', () => {
    expect(initialFormValues().timeZone).toBe('Asia/Shanghai');
    expect(initialFormValues({ timeZone: 'Europe/Berlin', roles: { host: 'a', guest: 'b' } } as ProfileSummary).timeZone).toBe(
      'Europe/Berlin',
    );
  });

  it('sends the zone, trimmed, with the draft', () => {
    expect(toDraft({ ...filled, timeZone: ' America/New_York ' }).timeZone).toBe('America/New_York');
    expect(validateProfileForm({ ...filled, timeZone: 'Asia/Tokyo' }, { isNew: true, messages })).toMatchObject({
      ok: true,
      draft: { timeZone: 'Asia/Tokyo' },
    });
  });

  it('marks a zone Intl does not know on its own field', () => {
    expect(validateProfileForm({ ...filled, timeZone: 'Beijing' }, { isNew: true, messages })).toEqual({
      ok: false,
      errors: { timeZone: 'zone' },
    });
  });
});
