import { DEFAULT_REALSEE_TIME_ZONE } from '../../common/realsee-time';
import type { Participant, RoomSummary } from '../../common/room';
import type { RoomDetail } from './schemas';

type RoomUser = NonNullable<NonNullable<RoomDetail['user_list']>[number]>;

/**
 * Maps Realsee's room-detail answer to the app's own room view. Pure. Time texts stay raw; the
 * summary names the profile's zone they are to be read in.
 */
export function toRoomSummary(detail: RoomDetail, fetchedAt: number, timeZone = DEFAULT_REALSEE_TIME_ZONE): RoomSummary {
  const appExtension = detail.app?.extension ?? null;
  return {
    roomCode: detail.room_code,
    roomLink: detail.room_link,
    status: detail.status ?? null,
    createTime: detail.create_time ?? null,
    modifyTime: detail.modify_time ?? null,
    closeTime: detail.close_time ?? null,
    creator: {
      userId: detail.create_custom_user_id ?? null,
      nickname: detail.extension?.nickname ?? null,
      avatar: detail.extension?.avatar ?? null,
    },
    voiceId: detail.voice_id ?? null,
    participants: (detail.user_list ?? []).filter((user): user is RoomUser => user != null).map(toParticipant),
    limits: {
      maxUserCount: appExtension?.max_user_count ?? null,
      maxUsingTime: appExtension?.max_using_time ?? null,
      ticketValidateTime: appExtension?.ticket_validate_time ?? null,
      keepAliveTime: appExtension?.keep_alive_time ?? null,
      allowDynamicEnter: appExtension?.allow_dynamic_enter ?? null,
      autoDestroy: appExtension?.auto_destroy ?? null,
    },
    vrAllowHosts: (appExtension?.vr_allow_hosts ?? []).filter((host): host is string => typeof host === 'string' && host.trim().length > 0),
    fetchedAt,
    timeZone,
  };
}

function toParticipant(user: RoomUser): Participant {
  return {
    userId: user.custom_user_id ?? null,
    role: user.user_role ?? null,
    status: user.status ?? null,
    nickname: user.extension?.nickname ?? null,
    avatar: user.extension?.avatar ?? null,
    joinedAt: user.create_time ?? null,
  };
}
