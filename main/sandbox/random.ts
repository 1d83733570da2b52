import { randomBytes, randomInt } from 'node:crypto';

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlphanumeric(length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += ALPHANUMERICS[randomInt(ALPHANUMERICS.length)];
  return text;
}

export function randomDigits(length: number): string {
  let text = String(randomInt(1, 10));
  for (let i = 1; i < length; i += 1) text += String(randomInt(10));
  return text;
}

/** An opaque, URL-safe secret value (tokens, tickets, page sessions). */
export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export function randomRequestId(): string {
  return randomBytes(16).toString('hex');
}
