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

import { appendFileSync } from 'node:fs';
import { SecretRegistry } from '../realsee/errors';

export { SecretRegistry };
export type LogSink = (line: string) => void;

const secretFieldName = /secret|token|ticket|sign(ature)?|authorization|password/i;
const secretQueryParam = /([?&](?:ticket|token|access_token|sign|app_secret)=)[^&#\s"']+/gi;

/**
 * Logging never throws: a full disk or an odd field must not turn the call that logs (a bridge
 * call, a crash handler) into a failure. A line that cannot be written is dropped.
 */
export function createLogger(sink: LogSink, secrets: SecretRegistry): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    try {
      const line = `${new Date().toISOString()} ${level} ${message}${fieldsText(fields)}`;
      sink(secrets.redact(line.replace(secretQueryParam, '$1[redacted]')));
    } catch {
      // Nowhere left to report it.
    }
  };
  return {
    info: (m, f) => write('INFO', m, f),
    warn: (m, f) => write('WARN', m, f),
    error: (m, f) => write('ERROR', m, f),
  };
}

function fieldsText(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  try {
    return ` ${JSON.stringify(fields, redactingReplacer)}`;
  } catch {
    return ' {"fields":"[not serialisable]"}';
  }
}

/** Appends each line to a file; a failed write (full disk, removed folder) drops the line. */
export function fileLogSink(path: string, echo?: (line: string) => void): LogSink {
  return (line) => {
    try {
      appendFileSync(path, `${line}\n`);
    } catch {
      // Dropped: logging must never throw.
    }
    echo?.(line);
  };
}

function redactingReplacer(key: string, value: unknown): unknown {
  if (key && secretFieldName.test(key)) return '[redacted]';
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
