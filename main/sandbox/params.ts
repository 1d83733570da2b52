import type { IncomingMessage } from 'node:http';
import { paramError } from './envelope';
import { mediaType } from './http-io';
import type { RoomMember } from './rooms';

export type Params = Record<string, unknown>;

const MAX_FIELD_LENGTH = 256;

export function parseJsonBody(request: IncomingMessage, body: string): Params {
  if (mediaType(request) !== 'application/json') {
    throw paramError('param error: Content-Type must be application/json');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw paramError('param error: the body is not valid JSON');
  }
  if (!isPlainObject(parsed)) throw paramError('param error: the body must be a JSON object');
  return parsed;
}

export function requireString(params: Params, field: string): string {
  const value = params[field];
  if (value === undefined || value === null || value === '') throw paramError(`param error: ${field} is required`);
  if (typeof value !== 'string') throw paramError(`param error: ${field} must be a string`);
  if (value.length > MAX_FIELD_LENGTH) throw paramError(`param error: ${field} is too long`);
  return value;
}

/** A field that Realsee wants as a JSON-encoded string (members, additive, extension). */
export function jsonStringField(params: Params, field: string, fallback: string): unknown {
  const raw = params[field] ?? fallback;
  if (typeof raw !== 'string') throw paramError(`param error: ${field} must be a JSON-encoded string`);
  try {
    return JSON.parse(raw === '' ? fallback : raw);
  } catch {
    throw paramError(`param error: ${field} is not valid JSON`);
  }
}

export function jsonObjectField(params: Params, field: string): Record<string, unknown> {
  const value = jsonStringField(params, field, '{}');
  if (!isPlainObject(value)) throw paramError(`param error: ${field} must encode a JSON object`);
  return value;
}

export function parseMembers(params: Params, isRole: (role: string) => boolean): RoomMember[] {
  const value = jsonStringField(params, 'members', '[]');
  if (!Array.isArray(value)) throw paramError('param error: members must encode a JSON array');
  return value.map((entry, index) => {
    const where = `members[${index}]`;
    if (!isPlainObject(entry)) throw paramError(`param error: ${where} must be an object`);
    if (typeof entry.user_id !== 'string' || entry.user_id === '') {
      throw paramError(`param error: ${where}.user_id must be a non-empty string`);
    }
    if (typeof entry.user_role !== 'string' || !isRole(entry.user_role)) {
      throw paramError(`param error: ${where}.user_role is not a configured role`);
    }
    const extension = entry.extension ?? {};
    if (!isPlainObject(extension)) throw paramError(`param error: ${where}.extension must be an object`);
    return { userId: entry.user_id, role: entry.user_role, extension };
  });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
