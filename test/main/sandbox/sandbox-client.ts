import { afterEach } from 'vitest';
import { defaultEndpoints } from '../../../common/profile';
import {
  createManualClock,
  startSandboxGateway,
  type ManualClock,
  type RealseeEnvelope,
  type SandboxGateway,
  type SandboxGatewayOptions,
} from '../../../main/sandbox/index';

export const endpoints = defaultEndpoints;

/** The sandbox's envelope, with `data` loosened so tests can read into it. */
export type Envelope = Omit<RealseeEnvelope, 'data'> & { data: any };

const started: SandboxGateway[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((gateway) => gateway.close()));
});

/** A sandbox on a free loopback port with a manual clock; closed after each test. */
export async function startTestGateway(
  options: Omit<SandboxGatewayOptions, 'clock'> = {},
): Promise<{ gateway: SandboxGateway; clock: ManualClock; client: SandboxClient }> {
  const clock = createManualClock(Date.UTC(2026, 2, 14, 8, 30, 0));
  const gateway = await startSandboxGateway({ ...options, clock });
  started.push(gateway);
  return { gateway, clock, client: new SandboxClient(gateway) };
}

export interface HttpAnswer {
  httpStatus: number;
  headers: Headers;
  text: string;
  json(): Envelope;
}

/** A thin HTTP caller for tests: speaks the raw contract, decides nothing. */
export class SandboxClient {
  constructor(readonly gateway: SandboxGateway) {}

  get appKey(): string {
    return this.gateway.demoApp.appKey;
  }

  async raw(path: string, init: RequestInit = {}): Promise<HttpAnswer> {
    const response = await fetch(this.gateway.baseUrl + path, init);
    const text = await response.text();
    return {
      httpStatus: response.status,
      headers: response.headers,
      text,
      json: () => JSON.parse(text) as Envelope,
    };
  }

  async tokenRequest(form: Record<string, string>): Promise<Envelope> {
    const answer = await this.raw(endpoints.accessToken, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return answer.json();
  }

  async token(app = this.gateway.demoApp): Promise<string> {
    const envelope = await this.tokenRequest({ app_key: app.appKey, app_secret: app.appSecret });
    if (envelope.code !== 0) throw new Error(`token refused: ${envelope.status}`);
    return envelope.data.access_token as string;
  }

  async postJson(path: string, body: unknown, token: string | undefined): Promise<Envelope> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== undefined) headers.authorization = token;
    return (await this.raw(path, { method: 'POST', headers, body: JSON.stringify(body) })).json();
  }

  async get(path: string, query: Record<string, string>, token: string | undefined): Promise<Envelope> {
    const headers: Record<string, string> = token === undefined ? {} : { authorization: token };
    return (await this.raw(`${path}?${new URLSearchParams(query)}`, { headers })).json();
  }

  async createRoom(token: string | undefined, overrides: Record<string, unknown> = {}): Promise<Envelope> {
    return this.postJson(
      endpoints.createRoom,
      { app_id: this.appKey, create_user_id: 'agent-1', create_user_role: 'anchor', ...overrides },
      token,
    );
  }

  async newRoom(token: string): Promise<{ roomCode: string; roomLink: string }> {
    const envelope = await this.createRoom(token);
    if (envelope.code !== 0) throw new Error(`create refused: ${envelope.status}`);
    return { roomCode: envelope.data.room_code, roomLink: envelope.data.room_link };
  }

  async applyTicket(token: string, body: Record<string, unknown>): Promise<Envelope> {
    return this.postJson(endpoints.roomTicket, { app_id: this.appKey, ...body }, token);
  }

  async ticket(token: string, roomCode: string, userId: string, role: string, nickname?: string): Promise<string> {
    const extension = nickname === undefined ? undefined : JSON.stringify({ nickname });
    const envelope = await this.applyTicket(token, { user_id: userId, user_role: role, room_code: roomCode, extension });
    if (envelope.code !== 0) throw new Error(`ticket refused: ${envelope.status}`);
    return envelope.data.ticket as string;
  }

  async openRoomPage(roomLink: string, ticket: string | undefined, force: 0 | 1 = 0): Promise<HttpAnswer> {
    const query = ticket === undefined ? `?force=${force}` : `?ticket=${encodeURIComponent(ticket)}&force=${force}`;
    return this.raw(new URL(roomLink).pathname + query);
  }

  async detail(token: string, roomCode: string, appId = this.appKey): Promise<Envelope> {
    return this.get(endpoints.roomDetail, { app_id: appId, room_code: roomCode }, token);
  }
}

export function sessionOf(page: HttpAnswer): string {
  const match = /data-session="([^"]+)"/.exec(page.text);
  if (match === null) throw new Error('room page has no session');
  return match[1]!;
}

export function roomErrorOf(page: HttpAnswer): string | undefined {
  return /data-room-error="([^"]+)"/.exec(page.text)?.[1];
}
