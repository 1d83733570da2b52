/**
 * A small structured logger for main. Every line passes through `redactSecrets` first, which
 * removes values registered as secrets (app secrets, tokens, tickets, signatures) and anything
 * in a field whose name says it holds one.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

import { SecretRegistry } from '../realsee/errors';

export { SecretRegistry };
export type LogSink = (line: string) => void;

const secretFieldName = /secret|token|ticket|sign(ature)?|authorization|password/i;
const secretQueryParam = /([?&](?:ticket|token|access_token|sign|app_secret)=)[^&#\s"']+/gi;

export function createLogger(sink: LogSink, secrets: SecretRegistry): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const safeFields = fields ? JSON.stringify(fields, redactingReplacer) : '';
    const line = `${new Date().toISOString()} ${level} ${message}${safeFields ? ` ${safeFields}` : ''}`;
    sink(secrets.redact(line.replace(secretQueryParam, '$1[redacted]')));
  };
  return {
    info: (m, f) => write('INFO', m, f),
    warn: (m, f) => write('WARN', m, f),
    error: (m, f) => write('ERROR', m, f),
  };
}

function redactingReplacer(key: string, value: unknown): unknown {
  if (key && secretFieldName.test(key)) return '[redacted]';
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
