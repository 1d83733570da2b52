import { opaqueObject, vrWorkDataSchema, type VrWorkData } from './schemas';

export type VrWorkSource = 'current' | 'legacy';

/** A VR's Work as the app hands it on: the untouched Work for the renderer plus what the app reads of it. */
export interface VrWork {
  /** The code the Work names itself by (`vr_code`, `resource_code`, `work_code`…), else the one asked for. */
  vrCode: string;
  name: string | null;
  coverUrl: string | null;
  panoramaCount: number;
  /** Where the Work's resources are, relative paths included (`base_url`). */
  baseUrl: string | null;
  allowHosts: string[];
  /** Signed Works render only on their allowed hosts, localhost, an IP address or file:// pages. */
  signed: boolean;
  /** http(s) origins the Work loads resources from, for the page's content security policy. */
  resourceOrigins: string[];
  source: VrWorkSource;
  work: Record<string, unknown>;
}

const MAX_ORIGINS = 16;

function panoramaEntries(fields: VrWorkData): unknown[] {
  const panorama = fields.panorama;
  if (Array.isArray(panorama)) return panorama;
  return panorama?.list ?? panorama?.info ?? [];
}

function panoramaCount(fields: VrWorkData): number {
  const panorama = fields.panorama;
  const count = Array.isArray(panorama) ? null : panorama?.count;
  if (typeof count === 'number' && Number.isInteger(count) && count >= 0) return count;
  return panoramaEntries(fields).length;
}

/** The Work answer must be an object with panoramas or a model: otherwise there is nothing to show. */
export const vrWorkAnswerSchema = opaqueObject.superRefine((raw, context) => {
  const fields = vrWorkDataSchema.parse(raw);
  if (panoramaEntries(fields).length === 0 && !fields.model) {
    context.addIssue({ code: 'custom', path: ['panorama'], message: 'the Work has no panoramas and no model' });
  }
});

function originOf(url: unknown, base?: string | null): string | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const parsed = new URL(url, base ?? undefined);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

function resourceOrigins(fields: VrWorkData): string[] {
  const origins = new Set<string>();
  const add = (url: unknown) => {
    const origin = originOf(url, fields.base_url);
    if (origin && origins.size < MAX_ORIGINS) origins.add(origin);
  };
  add(fields.base_url);
  if (fields.panorama && !Array.isArray(fields.panorama)) {
    for (const base of [fields.panorama.base_url, fields.panorama.pano_high_cube_base_url, fields.panorama.pano_cube_base_url]) add(base);
  }
  for (const entry of panoramaEntries(fields)) {
    if (typeof entry !== 'object' || entry === null) continue;
    for (const face of ['front', 'back', 'left', 'right', 'up', 'down']) add((entry as Record<string, unknown>)[face]);
  }
  if (fields.model) {
    for (const key of ['file_url', 'file', 'material_base_url']) add(fields.model[key]);
  }
  return [...origins];
}

/** Reads the few fields the app uses; `work` is the answer's `data` exactly as the gateway sent it. */
export function toVrWork(work: Record<string, unknown>, source: VrWorkSource, requestedCode: string): VrWork {
  const fields = vrWorkDataSchema.parse(work);
  return {
    vrCode: fields.vr_code ?? fields.resource_code ?? fields.work_code ?? fields.code ?? requestedCode,
    name: fields.name ?? fields.title ?? null,
    coverUrl: fields.cover_url ?? fields.cover ?? fields.thumbnail_url ?? null,
    panoramaCount: panoramaCount(fields),
    baseUrl: fields.base_url ?? null,
    allowHosts: (fields.allow_hosts ?? []).filter((host): host is string => typeof host === 'string'),
    signed: Boolean(fields._signature),
    resourceOrigins: resourceOrigins(fields),
    source,
    work,
  };
}
