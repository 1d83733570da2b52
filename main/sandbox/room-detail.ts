import { formatRealseeTime } from './realsee-time';
import { ROOM_LIMITS } from './room-limits';
import type { SandboxParticipant, SandboxRoomState } from './rooms';
import type { SandboxVoiceVendor } from './voice-sign';

export interface DetailContext {
  /** The sandbox's numeric application id (Realsee's `app.id`). */
  appNumericId: number;
  baseUrl: string;
  roles: { host: string; guest: string };
  ticketTtlSeconds: number;
  /** Named in `app.extension.voice.config_name`, where clients learn the room's voice vendor. */
  voiceVendor: SandboxVoiceVendor;
}

/** `data` of Get Viewing Room Details, with every key Realsee's example shows. */
export function buildRoomDetail(room: SandboxRoomState, context: DetailContext): Record<string, unknown> {
  const creator = room.members.find((member) => member.userId === room.createUserId);
  return {
    active_session_id: room.activeSessionId,
    app: {
      extension: appExtension(context),
      id: context.appNumericId,
      role: {
        '1': roleEntry('1', context.roles.host, true),
        '2': roleEntry('2', context.roles.guest, false),
      },
    },
    close_time: room.closedAt === null ? '' : formatRealseeTime(room.closedAt),
    create_custom_user_id: room.createUserId,
    create_passport_user_id: passportUserId(room.createUserId),
    create_time: formatRealseeTime(room.createdAt),
    extension: {
      avatar: textOr(room.additive.avatar ?? creator?.extension.avatar, ''),
      nickname: textOr(room.additive.nickname ?? creator?.extension.nickname, room.createUserId),
      source: 'sandbox',
    },
    modify_time: formatRealseeTime(room.modifiedAt),
    room_code: room.roomCode,
    room_link: room.roomLink,
    status: room.status,
    user_list: room.participants.map((participant) => userEntry(participant, context.appNumericId)),
    voice_id: room.voiceId,
  };
}

function appExtension(context: DetailContext): Record<string, unknown> {
  const host = new URL(context.baseUrl).host;
  return {
    allow_dynamic_enter: true,
    archive: { callback_host: '', callback_uri: '', trash_expire: 0 },
    auto_destroy: true,
    callback_option: null,
    callback_url: '',
    charge: null,
    config_of_center: {
      CruisePlugin: true,
      DesignIconEnable: false,
      HouseOptionPanel: true,
      ImageOptionSize: 0,
      LiveIconEnable: true,
      LivePanel: true,
      MainPanel: true,
      ModeSwitchIconEnable: true,
      ModelChassisCompassPlugin: true,
      ModelEntryDoorGuidePlugin: true,
      ModelFloorplanPlugin: true,
      ModelRoomLabelPlugin: true,
      ModelViewPlugin: true,
      PanoCompassPlugin: true,
      PanoFloorplanRadarPlugin: true,
      PanoMeasureIconEnable: true,
      PanoRulerPlugin: true,
      PanoTagPlugin: true,
      TopviewFloorplanPlugin: true,
      VreoIconEnable: false,
    },
    // Realsee's example carries this opaque key; kept so clients learn to ignore unknown keys.
    eccf296814790e1bd84683e0a770a5ea: null,
    event_send_module: '',
    event_table: null,
    keep_alive_time: ROOM_LIMITS.keepAliveTimeSeconds,
    live: null,
    max_user_count: ROOM_LIMITS.maxUserCount,
    max_using_time: ROOM_LIMITS.maxUsingTimeSeconds,
    meta: { icon_url: '' },
    record_frame: false,
    record_voice: false,
    shepherd: null,
    staticize: null,
    ticket_validate_time: context.ticketTtlSeconds,
    use_realsee_voice_service: true,
    validate_enter_live_permission: true,
    voice: {
      audio_service: { app_id: '' },
      config_name: context.voiceVendor,
      vras_app_id: '',
      vras_as_id: '',
      vras_token: '',
    },
    vr_allow_hosts: [host],
    vr_expire: null,
    wechat_mini: null,
    ws_access: {
      do_not_check_uc: true,
      http: [context.baseUrl],
      realsee_login: null,
      websocket: [],
    },
  };
}

function roleEntry(id: string, name: string, isHost: boolean): Record<string, unknown> {
  return {
    config: {
      apply_other_phone: isHost,
      auto_destroy: isHost,
      change_other_status: isHost,
      close_live_room: isHost,
      close_room: isHost,
      control_micro: true,
      control_other_micro: isHost,
      control_own_micro: true,
      dynamic_enter: true,
      extension: null,
      forbidden_sync: isHost,
      invite_other: isHost,
      micro_default_state: isHost,
      more_vr_scene: isHost,
      mute_others: isHost,
      sync: isHost,
      sync_frame: isHost,
      transfer_role: isHost,
      view_other_micro_status: true,
      view_own_micro_status: true,
    },
    description: isHost ? 'Host: leads the viewing' : 'Guest: follows the viewing',
    extension: null,
    full_rule: 0,
    full_text: isHost ? 'The room already has a host' : 'The room is full',
    id,
    max_cnt: isHost ? 1 : ROOM_LIMITS.maxUserCount - 1,
    name,
  };
}

const REALSEE_USER_STATUS_NORMAL = 0;

function userEntry(participant: SandboxParticipant, appNumericId: number): Record<string, unknown> {
  return {
    app_id: appNumericId,
    create_time: formatRealseeTime(participant.joinedAt),
    custom_user_id: participant.userId,
    extension: {
      avatar: participant.avatar ?? '',
      nickname: participant.nickname ?? participant.userId,
      source: 'sandbox',
    },
    passport_user_id: passportUserId(participant.userId),
    // Realsee's UserStatus, not presence: 0 normal, 1 removed, 2 replaced. Whether someone is in the
    // room right now is the live channel's news; the sandbox removes and replaces no one here.
    status: REALSEE_USER_STATUS_NORMAL,
    user_role: participant.role,
  };
}

/** Realsee's own account id for a customer user; the sandbox derives a stable stand-in. */
function passportUserId(customUserId: string): string {
  return `sandbox-${Buffer.from(customUserId).toString('hex').slice(0, 24)}`;
}

function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
