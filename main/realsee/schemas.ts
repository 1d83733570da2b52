import { z } from 'zod';

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

export const createRoomDataSchema = z.looseObject({
  room_code: z.string().min(1),
  room_link: z.string().min(1),
});

export const roomTicketDataSchema = z.looseObject({
  ticket: z.string().min(1),
  room_link: z.string().min(1),
});

export const voiceSignDataSchema = z.looseObject({
  voice_app_id: z.union([z.string().min(1), z.number().transform(String)]),
  user_identifier: z.string().min(1),
  sign: z.string().min(1),
});

/** A field the app can live without: absent, null or of an unexpected type all read as null. */
function tolerant<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(null);
}

const text = tolerant(z.string());
const num = tolerant(z.number());
const flag = tolerant(z.boolean());

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
  status: num,
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
  room_link: z.string().min(1),
  status: num,
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
    }),
  ),
  total: tolerant(z.number()),
  page_size: tolerant(z.number()),
  current_page: tolerant(z.number()),
});
export type VrListData = z.infer<typeof vrListDataSchema>;
