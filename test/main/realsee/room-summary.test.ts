import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/realsee-room-detail.example.json';
import { roomSummarySchema } from '../../../common/room';
import { toRoomSummary } from '../../../main/realsee/room-summary';
import { roomDetailDataSchema } from '../../../main/realsee/schemas';

function detail(overrides: Record<string, unknown> = {}) {
  return roomDetailDataSchema.parse({ ...structuredClone(fixture.data), room_link: 'wss://ws-access.realsee.com/open/RC1', ...overrides });
}

describe('toRoomSummary', () => {
  it('maps the Realsee example to a valid room summary', () => {
    const summary = toRoomSummary(
      detail({
        room_code: 'RC1',
        room_link: 'wss://ws-access.realsee.com/open/RC1?open_app_id=1',
        status: 2,
        create_custom_user_id: 'agent-7',
        extension: { nickname: 'Ana', avatar: 'https://a/x.png', source: 'crm' },
        voice_id: 9001,
        user_list: [
          {
            custom_user_id: 'guest-1',
            user_role: 'audience',
            status: 1,
            create_time: '2024-05-01 10:00:00',
            extension: { nickname: 'Bo', avatar: null },
          },
        ],
      }),
      1234,
    );
    expect(roomSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({
      roomCode: 'RC1',
      roomLink: 'wss://ws-access.realsee.com/open/RC1?open_app_id=1',
      status: 2,
      creator: { userId: 'agent-7', nickname: 'Ana', avatar: 'https://a/x.png' },
      voiceId: 9001,
      fetchedAt: 1234,
    });
    expect(summary.participants).toEqual([
      { userId: 'guest-1', role: 'audience', status: 1, nickname: 'Bo', avatar: null, joinedAt: '2024-05-01 10:00:00' },
    ]);
  });

  it('takes limits and allowed VR hosts from the app extension', () => {
    const app = structuredClone(fixture.data.app);
    Object.assign(app.extension, {
      max_user_count: 6,
      max_using_time: 7200,
      ticket_validate_time: 300,
      keep_alive_time: 60,
      allow_dynamic_enter: false,
      auto_destroy: true,
      vr_allow_hosts: ['realsee.ai', '', 42, 'vr.realsee.cn'],
    });
    const summary = toRoomSummary(detail({ app }), 0);
    expect(summary.limits).toEqual({
      maxUserCount: 6,
      maxUsingTime: 7200,
      ticketValidateTime: 300,
      keepAliveTime: 60,
      allowDynamicEnter: false,
      autoDestroy: true,
    });
    expect(summary.vrAllowHosts).toEqual(['realsee.ai', 'vr.realsee.cn']);
  });

  it('fills nulls and empty lists when Realsee leaves everything out', () => {
    const summary = toRoomSummary(roomDetailDataSchema.parse({ room_code: 'R', room_link: 'https://x/R' }), 5);
    expect(roomSummarySchema.parse(summary)).toEqual({
      roomCode: 'R',
      roomLink: 'https://x/R',
      status: null,
      createTime: null,
      modifyTime: null,
      closeTime: null,
      creator: { userId: null, nickname: null, avatar: null },
      voiceId: null,
      participants: [],
      limits: {
        maxUserCount: null,
        maxUsingTime: null,
        ticketValidateTime: null,
        keepAliveTime: null,
        allowDynamicEnter: null,
        autoDestroy: null,
      },
      vrAllowHosts: [],
      fetchedAt: 5,
      timeZone: 'Asia/Shanghai',
    });
    expect(toRoomSummary(roomDetailDataSchema.parse({ room_code: 'R', room_link: 'https://x/R' }), 5, 'Europe/Berlin').timeZone).toBe(
      'Europe/Berlin',
    );
  });

  it('keeps an undocumented status number as it is and skips unreadable participants', () => {
    const summary = toRoomSummary(detail({ status: 77, user_list: ['junk', null, { custom_user_id: 'u' }] }), 0);
    expect(summary.status).toBe(77);
    expect(summary.participants.map((p) => p.userId)).toEqual(['u']);
  });

  it('keeps statuses that come as text, for the room and for each participant', () => {
    const summary = toRoomSummary(
      detail({
        status: 'ended',
        user_list: [
          { custom_user_id: 'u', status: 'BE_REPLACE' },
          { custom_user_id: 'v', status: 0 },
        ],
      }),
      0,
    );
    expect(summary.status).toBe('ended');
    expect(summary.participants.map((p) => p.status)).toEqual(['BE_REPLACE', 0]);
  });
});
