/**
 * Fault injection: rules that make the sandbox misbehave the way real networks and gateways do.
 *
 * A rule matches one path (exact pathname, no query) or every path, and stays active until cleared
 * or, with `times`, for the next N matching requests. When several rules match a request, all of
 * them apply and each uses up one of its `times`. Effects, in order:
 *  1. `latencyMs` delays the answer (real time; the sum of matching rules);
 *  2. `dropAfterProcessing` lets the request take effect, then destroys the socket without an answer;
 *  3. otherwise an injected answer replaces the request, which then has NO effect on sandbox state:
 *     `rateLimit` (HTTP 429, code SANDBOX_CODES.rateLimited), `tokenExpired` (the expired-token
 *     answer, code -3), `nonJson` (an HTML body, with `httpStatus` or 200), `wrongShape` (JSON that
 *     breaks the contract: a success envelope whose data has the wrong shape, or with 'envelope' no
 *     envelope at all), `httpStatus` alone (a 5xx error envelope).
 */
export interface FaultSpec {
  path?: string;
  times?: number;
  latencyMs?: number;
  httpStatus?: number;
  nonJson?: boolean;
  wrongShape?: boolean | 'data' | 'envelope';
  rateLimit?: boolean;
  tokenExpired?: boolean;
  dropAfterProcessing?: boolean;
}

export interface FaultHandle {
  /** Requests this rule may still affect; Infinity for a persistent rule. */
  readonly remaining: number;
  remove(): void;
}

export interface SandboxFaults {
  inject(spec: FaultSpec): FaultHandle;
  /** Every access token issued so far becomes expired; tokens issued later are unaffected. */
  expireAllTokens(): void;
  /** Removes every rule (tokens already expired stay expired). */
  clear(): void;
  active(): ReadonlyArray<Readonly<FaultSpec> & { remaining: number }>;
}

/** The merged effect of every rule that matched one request. */
export interface FaultEffect {
  latencyMs: number;
  httpStatus?: number;
  nonJson: boolean;
  wrongShape?: 'data' | 'envelope';
  rateLimit: boolean;
  tokenExpired: boolean;
  dropAfterProcessing: boolean;
}

interface FaultRule {
  spec: FaultSpec;
  remaining: number;
}

export class FaultController implements SandboxFaults {
  private rules: FaultRule[] = [];

  constructor(private readonly expireTokens: () => void) {}

  inject(spec: FaultSpec): FaultHandle {
    validateSpec(spec);
    const rule: FaultRule = { spec: { ...spec }, remaining: spec.times ?? Number.POSITIVE_INFINITY };
    this.rules.push(rule);
    return {
      get remaining() {
        return rule.remaining;
      },
      remove: () => {
        this.rules = this.rules.filter((candidate) => candidate !== rule);
      },
    };
  }

  expireAllTokens(): void {
    this.expireTokens();
  }

  clear(): void {
    this.rules = [];
  }

  active(): ReadonlyArray<Readonly<FaultSpec> & { remaining: number }> {
    return this.rules.map((rule) => ({ ...rule.spec, remaining: rule.remaining }));
  }

  /** Consumes one use of every rule matching `path` and returns their combined effect, if any. */
  take(path: string): FaultEffect | undefined {
    const matching = this.rules.filter((rule) => rule.spec.path === undefined || rule.spec.path === path);
    if (matching.length === 0) return undefined;
    const effect: FaultEffect = {
      latencyMs: 0,
      nonJson: false,
      rateLimit: false,
      tokenExpired: false,
      dropAfterProcessing: false,
    };
    for (const rule of matching) {
      const { spec } = rule;
      effect.latencyMs += spec.latencyMs ?? 0;
      if (spec.httpStatus !== undefined) effect.httpStatus = spec.httpStatus;
      if (spec.nonJson) effect.nonJson = true;
      if (spec.wrongShape) effect.wrongShape = spec.wrongShape === 'envelope' ? 'envelope' : 'data';
      if (spec.rateLimit) effect.rateLimit = true;
      if (spec.tokenExpired) effect.tokenExpired = true;
      if (spec.dropAfterProcessing) effect.dropAfterProcessing = true;
      rule.remaining -= 1;
    }
    this.rules = this.rules.filter((rule) => rule.remaining > 0);
    return effect;
  }
}

function validateSpec(spec: FaultSpec): void {
  if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 1)) {
    throw new RangeError('faults.inject: times must be a positive integer');
  }
  if (spec.latencyMs !== undefined && (!Number.isFinite(spec.latencyMs) || spec.latencyMs < 0)) {
    throw new RangeError('faults.inject: latencyMs must be a non-negative number');
  }
  if (spec.httpStatus !== undefined && (!Number.isInteger(spec.httpStatus) || spec.httpStatus < 200 || spec.httpStatus > 599)) {
    throw new RangeError('faults.inject: httpStatus must be an HTTP status code');
  }
  if (spec.path !== undefined && !spec.path.startsWith('/')) {
    throw new RangeError('faults.inject: path must start with "/"');
  }
  const hasEffect =
    spec.latencyMs !== undefined ||
    spec.httpStatus !== undefined ||
    spec.nonJson ||
    spec.wrongShape ||
    spec.rateLimit ||
    spec.tokenExpired ||
    spec.dropAfterProcessing;
  if (!hasEffect) throw new RangeError('faults.inject: the rule has no effect');
}
