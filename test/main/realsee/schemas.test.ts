import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/realsee-room-detail.example.json';
import {
  accessTokenDataSchema,
  envelopeSchema,
  envelopeText,
  isSuccess,
  roomDetailDataSchema,
  vrListDataSchema,
} from '../../../main/realsee/schemas';

const clone = <T>(value: T): T => structuredClone(value);
/** The example's data with a real room link in place of its placeholder "string" (placeholders are refused). */
const exampleData = () => ({ ...clone(fixture.data), room_link: 'wss://ws-access.realsee.com/open/RC1' });

describe('envelope', () => {
  it('parses the example envelope and keeps unknown extras', () => {
    const parsed = envelopeSchema.parse({ ...clone(fixture), shard: 'eu-1' });
    expect(parsed.code).toBe(0);
    expect(parsed.request_id).toBe('string');
    expect(parsed).toHaveProperty('shard', 'eu-1');
  });

  it('accepts a minimal error answer without data, trace or cost', () => {
    const parsed = envelopeSchema.parse({ code: -3, status: 'room not found' });
    expect(isSuccess(parsed)).toBe(false);
    expect(envelopeText(parsed)).toBe('room not found');
  });

  it('refuses an answer whose code is missing or not a number', () => {
    expect(envelopeSchema.safeParse({ status: 'success', data: {} }).success).toBe(false);
    expect(envelopeSchema.safeParse({ code: '0', status: 'success' }).success).toBe(false);
  });

  it('decides success on code, not on status', () => {
    expect(isSuccess(envelopeSchema.parse({ code: 0, status: 'weird' }))).toBe(true);
    expect(isSuccess(envelopeSchema.parse({ code: 7, status: 'success' }))).toBe(false);
  });

  it('reads the error text from status, then message', () => {
    expect(envelopeText(envelopeSchema.parse({ code: -3, status: 'first', message: 'second' }))).toBe('first');
    expect(envelopeText(envelopeSchema.parse({ code: -3, status: '', message: 'second' }))).toBe('second');
    expect(envelopeText(envelopeSchema.parse({ code: -3, message: 'only message' }))).toBe('only message');
  });
});

describe('room detail', () => {
  it('accepts the Realsee example, its placeholder link made real', () => {
    const parsed = roomDetailDataSchema.parse(exampleData());
    expect(parsed.room_code).toBe('string');
    expect(parsed.user_list).toHaveLength(1);
    expect(parsed.app?.extension?.vr_allow_hosts).toEqual(['string']);
    expect(parsed.voice_id).toBe(0);
  });

  it('keeps unknown keys, including the opaque hash key and nested config', () => {
    const parsed = roomDetailDataSchema.parse({ ...exampleData(), future_field: { a: 1 } }) as Record<string, unknown>;
    expect(parsed.future_field).toEqual({ a: 1 });
    const extension = (parsed.app as { extension: Record<string, unknown> }).extension;
    expect(extension).toHaveProperty('eccf296814790e1bd84683e0a770a5ea', null);
    expect(extension.voice).toEqual(fixture.data.app.extension.voice);
    expect((parsed.app as { role: Record<string, unknown> }).role['1']).toEqual(fixture.data.app.role['1']);
  });

  it('accepts null for every field except room_code and room_link', () => {
    const nulled = Object.fromEntries(Object.keys(fixture.data).map((key) => [key, null]));
    const parsed = roomDetailDataSchema.parse({ ...nulled, room_code: 'r1', room_link: 'wss://x/open/r1' });
    expect(parsed.status).toBeNull();
    expect(parsed.user_list).toBeNull();
    expect(parsed.app).toBeNull();
  });

  it('accepts a detail with only room_code and room_link', () => {
    expect(roomDetailDataSchema.parse({ room_code: 'r1', room_link: 'https://x/r1' }).room_code).toBe('r1');
  });

  it('refuses a detail without room_code or room_link, with a null one, or with the placeholder link', () => {
    expect(roomDetailDataSchema.safeParse(clone(fixture.data)).success).toBe(false);
    const { room_code: _code, ...withoutCode } = exampleData();
    const { room_link: _link, ...withoutLink } = exampleData();
    expect(roomDetailDataSchema.safeParse(withoutCode).success).toBe(false);
    expect(roomDetailDataSchema.safeParse(withoutLink).success).toBe(false);
    expect(roomDetailDataSchema.safeParse({ ...exampleData(), room_code: null }).success).toBe(false);
  });

  it('reads a field of an unexpected type as null instead of refusing the room', () => {
    const parsed = roomDetailDataSchema.parse({ ...exampleData(), status: { open: true }, user_list: [42, fixture.data.user_list[0]] });
    expect(parsed.status).toBeNull();
    // A status in text is not of an unexpected type: statuses are kept raw, numbers or text.
    expect(roomDetailDataSchema.parse({ ...exampleData(), status: 'open' }).status).toBe('open');
    expect(parsed.user_list?.[0]).toBeNull();
    expect(parsed.user_list?.[1]?.user_role).toBe('string');
  });
});

describe('other data', () => {
  it('reads an access token with expire_at in Unix seconds', () => {
    expect(accessTokenDataSchema.parse({ access_token: 'abc', expire_at: 1_700_000_300 }).expire_at).toBe(1_700_000_300);
    expect(accessTokenDataSchema.safeParse({ access_token: '', expire_at: 1 }).success).toBe(false);
    expect(accessTokenDataSchema.safeParse({ access_token: 'abc' }).success).toBe(false);
  });

  it('reads a VR list page', () => {
    const parsed = vrListDataSchema.parse({
      list: [{ vr_code: '801234567890123456', name: 'Flat', create_time: '2024-01-01 10:00:00' }],
      total: 1,
      page_size: 10,
      current_page: 1,
    });
    expect(parsed.list[0]?.vr_code).toBe('801234567890123456');
    expect(vrListDataSchema.safeParse({ total: 0 }).success).toBe(false);
  });
});
