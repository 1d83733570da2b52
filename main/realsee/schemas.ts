import { z } from 'zod';
import { isAllowedTransport } from '../../common/transport';

/**
 * Shapes of Realsee gateway answers. Strict only where the app relies on a value; everything else
 * is optional, nullable, and kept even when unknown (Realsee adds keys and leaves many null).
 */

const requestIdLike = z.union([z.string(), z.number().transform(String)]).nullish();

export const envelopeSchema = z.looseObject({
  request_id: requestIdLike,
  trace_id: requestIdLike,
  business_code: z.unknown().optional(),
  osi_request_id: z.unknown().optional(),
  code: z.number(),
  status: z.string().nullish(),
  message: z.string().nullish(),
  data: z.unknown().optional(),
  cost: z.unknown().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export function isSuccess(envelope: Envelope): boolean {
  return envelope.code === 0;
}

/** The human text of an answer: `status`, then `message` (servers differ). */
export function envelopeText(envelope: Envelope): string | undefined {
  const status = envelope.status?.trim();
  if (status && status.toLowerCase() !== 'success') return status;
  const message = envelope.message?.trim();
  if (message) return message;
  return status || undefined;
}

const unixSeconds = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const accessTokenDataSchema = z.looseObject({
  access_token: z.string().min(1),
  expire_at: unixSeconds,
});

/** A room link the gateway hands out: https/wss anywhere, http/ws only on this machine, nothing else. */
const roomLink = z
  .string()
  .min(1)
  .refine((link) => isAllowedTransport(link), { message: 'not an https/wss link' });

export const createRoomDataSchema = z.looseObject({
  room_code: z.string().min(1),
  room_link: roomLink,
});

export const roomTicketDataSchema = z.looseObject({
  ticket: z.string().min(1),
  room_link: roomLink,
});

export const voiceSignDataSchema = z.looseObject({
  voice_app_id: z.union([z.string().min(1), z.number().transform(String)]),
  user_identifier: z.string().min(1),
  sign: z.string().min(1),
  /** Not in the documented answer; read when a server sends it (see `expiryFromExpireTime`). */
  expire_time: z.union([z.number(), z.string()]).nullish().catch(null),
});

/** A field the app can live without: absent, null or of an unexpected type all read as null. */
function tolerant<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(null);
}

/**
 * A JSON object the app passes along without reading inside (feature switches, role configs):
 * kept as it came, checked only for being an object, which is much cheaper than a record schema.
 */
export const opaqueObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);

const text = tolerant(z.string());
const num = tolerant(z.number());
const flag = tolerant(z.boolean());
/** Statuses are undocumented: a number or a text is kept as it came (see common/room-status.ts). */
const rawStatus = tolerant(z.union([z.number(), z.string()]));

const personExtensionSchema = z.looseObject({
  avatar: text,
  nickname: text,
  source: text,
});

/*
 * Room details are fetched every 10 s while a room page is open, so the schemas below check only
 * the keys the app reads (toRoomSummary, the voice config); every other key (ws_access,
 * config_of_center, role tables, passport ids, session ids…) passes through unread and unchecked.
 * Validating those cost about a third of the client's overhead over a raw fetch + JSON.parse.
 */
export const roomUserSchema = z.looseObject({
  create_time: text,
  custom_user_id: text,
  extension: tolerant(personExtensionSchema),
  status: rawStatus,
  user_role: text,
});

export const appExtensionSchema = z.looseObject({
  max_user_count: num,
  max_using_time: num,
  keep_alive_time: num,
  ticket_validate_time: num,
  allow_dynamic_enter: flag,
  auto_destroy: flag,
  vr_allow_hosts: tolerant(z.array(z.unknown())),
});

export const roomAppSchema = z.looseObject({
  extension: tolerant(appExtensionSchema),
});

export const roomDetailDataSchema = z.looseObject({
  room_code: z.string().min(1),
  room_link: roomLink,
  status: rawStatus,
  create_time: text,
  modify_time: text,
  close_time: text,
  create_custom_user_id: text,
  extension: tolerant(personExtensionSchema),
  voice_id: tolerant(z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)])),
  user_list: tolerant(z.array(tolerant(roomUserSchema))),
  app: tolerant(roomAppSchema),
});
export type RoomDetail = z.infer<typeof roomDetailDataSchema>;

export const vrListDataSchema = z.looseObject({
  list: z.array(
    z.looseObject({
      vr_code: z.string().min(1),
      name: text,
      create_time: tolerant(z.union([z.string(), z.number()])),
      /** Not in Realsee's documented list shape (the sandbox sends it); read when present. */
      cover_url: text,
    }),
  ),
  total: tolerant(z.number()),
  page_size: tolerant(z.number()),
  current_page: tolerant(z.number()),
});
export type VrListData = z.infer<typeof vrListDataSchema>;

const faceList = tolerant(z.array(z.unknown()));

/**
 * A VR's Work (legacy `/open/v1/entity/vr`, current `/open/v3/vr/info`): passed on to the renderer
 * untouched (Five verifies its signature over every key), so only the few fields the app reads are
 * named here, each tolerant of absence. It must be an object with something to show.
 */
export const vrWorkDataSchema = z.looseObject({
  vr_code: text,
  resource_code: text,
  work_code: text,
  code: text,
  name: text,
  title: text,
  cover_url: text,
  cover: text,
  thumbnail_url: text,
  base_url: text,
  allow_hosts: tolerant(z.array(z.unknown())),
  _signature: text,
  panorama: tolerant(
    z.union([
      z.looseObject({
        count: num,
        list: faceList,
        info: faceList,
        base_url: text,
        pano_high_cube_base_url: text,
        pano_cube_base_url: text,
      }),
      z.array(z.unknown()),
    ]),
  ),
  observers: faceList,
  model: tolerant(opaqueObject),
});
export type VrWorkData = z.infer<typeof vrWorkDataSchema>;
