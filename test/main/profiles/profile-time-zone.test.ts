import { describe, expect, it } from 'vitest';
import { profileSummarySchema } from '../../../common/profile';
import { parseDraft, storedFields } from '../../../main/profiles/profile-draft';
import { storedProfileSchema } from '../../../main/profiles/profile-store';
import { sandboxSummary, summaryOf } from '../../../main/profiles/profile-views';
import { AppFailure } from '../../../main/app-failure';

const draft = {
  name: 'Acme',
  region: 'china' as const,
  appKey: 'KEY',
  appSecret: 'SECRET',
  roles: { host: 'anchor', guest: 'audience' },
  userId: 'agent-7',
  nickname: 'Ana',
};

function stored(extra: Record<string, unknown> = {}) {
  return storedProfileSchema.parse({ id: 'acme', ...storedFields(parseDraft(draft)), createdAt: 1, updatedAt: 1, ...extra });
}

describe('the profile time zone', () => {
  it('reads Asia/Shanghai for a profile saved before the zone existed, in every region', () => {
    const old = stored();
    expect('timeZone' in old).toBe(false);
    expect(summaryOf(old, true, true).timeZone).toBe('Asia/Shanghai');
    expect(summaryOf({ ...old, region: 'global' }, true, true).timeZone).toBe('Asia/Shanghai');
    expect(sandboxSummary({ baseUrl: 'http://127.0.0.1:1', appKey: 'k', appSecret: 's' }, true).timeZone).toBe('Asia/Shanghai');
  });

  it('keeps a valid IANA zone from the draft and shows it in the summary', () => {
    const saved = stored(storedFields(parseDraft({ ...draft, timeZone: 'Europe/Berlin' })));
    expect(saved.timeZone).toBe('Europe/Berlin');
    expect(profileSummarySchema.parse(summaryOf(saved, true, false)).timeZone).toBe('Europe/Berlin');
  });

  it('refuses a draft with a zone Intl does not know, naming the field', () => {
    for (const timeZone of ['Beijing', 'UTC+8', '', 'Asia/Shanghai ']) {
      try {
        parseDraft({ ...draft, timeZone });
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(AppFailure);
        expect((error as AppFailure).message).toMatch(/timeZone/);
      }
    }
  });

  it('falls back to the default when a stored zone is unknown to this runtime', () => {
    expect(summaryOf(stored({ timeZone: 'Gone/Away' }), true, true).timeZone).toBe('Asia/Shanghai');
  });
});
