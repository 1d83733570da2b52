import type { AppError } from '../../common/errors';
import { GatewayError } from './errors';

/** What Realsee told us about a failed call, when it told us anything. */
export interface GatewayAnswerFacts {
  code?: number;
  status?: string;
  requestId?: string;
  httpStatus?: number;
}

function withFacts(base: Pick<AppError, 'kind' | 'message'>, facts: GatewayAnswerFacts): AppError {
  const error: AppError = { ...base };
  if (facts.code !== undefined) error.code = facts.code;
  if (facts.status !== undefined) error.status = facts.status;
  if (facts.requestId !== undefined) error.requestId = facts.requestId;
  if (facts.httpStatus !== undefined) error.httpStatus = facts.httpStatus;
  return error;
}

export function networkFailure(host: string, mayHaveReachedServer: boolean): GatewayError {
  return new GatewayError(
    {
      kind: 'network',
      message: `Could not reach the Realsee gateway at ${host}. Check your connection or the profile's region.`,
    },
    { mayHaveReachedServer },
  );
}

export function timeoutFailure(host: string, timeoutMs: number): GatewayError {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  return new GatewayError({
    kind: 'timeout',
    message: `The Realsee gateway at ${host} did not answer within ${seconds} s. Try again; if it keeps happening, check your connection or the profile's region.`,
  });
}

export function rateLimitFailure(facts: GatewayAnswerFacts): GatewayError {
  return new GatewayError(
    withFacts(
      {
        kind: 'rate-limit',
        message: 'The Realsee gateway says there were too many requests. Wait a minute, then try again.',
      },
      facts,
    ),
  );
}

export function serverFailure(host: string, facts: GatewayAnswerFacts): GatewayError {
  return new GatewayError(
    withFacts(
      {
        kind: 'gateway',
        message: `The Realsee gateway at ${host} had an internal problem (HTTP ${facts.httpStatus ?? 'error'}). Try again in a moment.`,
      },
      facts,
    ),
  );
}

export function protocolFailure(what: string, facts: GatewayAnswerFacts): GatewayError {
  return new GatewayError(
    withFacts(
      {
        kind: 'protocol',
        message: `The Realsee gateway gave an answer Roomdesk does not understand (${what}). Check the profile's base URL and endpoint paths; if they are right, report this with the request id.`,
      },
      facts,
    ),
  );
}

export function answerTooLarge(host: string, maxBytes: number, httpStatus: number): GatewayError {
  const mib = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new GatewayError({
    kind: 'protocol',
    httpStatus,
    message: `The Realsee gateway at ${host} sent an answer larger than ${mib} MiB; Roomdesk stopped reading it. Check the profile's base URL; if it is right, report this.`,
  });
}

export function credentialsRefused(facts: GatewayAnswerFacts): GatewayError {
  const said = facts.status ? ` ("${facts.status}")` : '';
  return new GatewayError(
    withFacts(
      {
        kind: 'auth',
        message: `The Realsee gateway refused the app key or app secret${said}. Check both in the profile against the Realsee developer console.`,
      },
      facts,
    ),
  );
}

export function tokenRefused(action: string, facts: GatewayAnswerFacts): GatewayError {
  const said = facts.status ? ` ("${facts.status}")` : '';
  return new GatewayError(
    withFacts(
      {
        kind: 'auth',
        message: `The Realsee gateway would not accept Roomdesk's access token to ${action}${said}, even after getting a new one. Check the app key, its permissions in the Realsee developer console, and the profile's region.`,
      },
      facts,
    ),
  );
}

export function businessFailure(action: string, facts: GatewayAnswerFacts): GatewayError {
  const said = facts.status ? `: ${facts.status}` : '';
  return new GatewayError(
    withFacts(
      {
        kind: 'gateway',
        message: `The Realsee gateway could not ${action}${said} (code ${facts.code ?? 'unknown'}). Fix what it says, or give the request id to Realsee support.`,
      },
      facts,
    ),
  );
}

export function roomCreationOutcomeUnknown(facts: GatewayAnswerFacts): GatewayError {
  return new GatewayError(
    withFacts(
      {
        kind: 'outcome-unknown',
        message: 'The room may or may not have been created: the answer was lost. Check the room list before creating it again.',
      },
      facts,
    ),
  );
}

export function invalidInput(what: string, problems: string): GatewayError {
  return new GatewayError(
    { kind: 'validation', message: `${what} is not valid: ${problems}. Nothing was sent to Realsee.` },
    { mayHaveReachedServer: false },
  );
}
