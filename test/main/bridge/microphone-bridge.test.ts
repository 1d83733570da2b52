import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../main/app-services';
import { createBridgeDispatcher } from '../../../main/bridge/dispatch';
import { createBridgeHandlers } from '../../../main/bridge/handlers';
import { createLogger, SecretRegistry } from '../../../main/logging/logger';
import { startSandboxGateway } from '../../../main/sandbox/index';
import type { EventName } from '../../../preload/contract';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'roomdesk-mic-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const sandbox = await startSandboxGateway();
  cleanups.push(() => sandbox.close());
  const secrets = new SecretRegistry();
  const logger = createLogger(() => undefined, secrets);
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const services = await createAppServices({
    dataDir,
    profileStore: new Conf({ cwd: dataDir, configName: 'profiles', projectName: 'roomdesk-mic' }),
    vault: { get: async () => null, set: async () => undefined, delete: async () => false },
    sandbox,
    logger,
    secrets,
    appVersion: 'test',
    platform: process.platform,
    chooseExportPath: async () => null,
    emit: (event, payload) => void events.push({ event, payload }),
  });
  cleanups.push(() => services.dispose());
  const dispatch = createBridgeDispatcher(createBridgeHandlers(services), logger);
  const created = await dispatch('createRoom', { guests: [], listing: {} }, { trusted: true });
  if (!created.ok) throw new Error(created.error.message);
  const roomCode = (created.value as { roomCode: string }).roomCode;
  await dispatch('openViewer', { roomCode, bounds: { x: 0, y: 0, width: 10, height: 10 } }, { trusted: true });
  const requests = () => events.filter((entry) => entry.event === 'microphoneRequest').map((entry) => entry.payload);
  return { services, dispatch, roomCode, requests, sandbox };
}

describe('microphone consent over the bridge', () => {
  it('main asks the renderer once for the room and the answer comes back through answerMicrophoneRequest', async () => {
    const { services, dispatch, roomCode, requests, sandbox } = await setup();
    const pageUrl = `${sandbox.baseUrl}/room/${roomCode}?ticket=SECRET-TICKET&force=0`;
    const granted = services.microphone.ask(pageUrl);
    expect(requests()).toEqual([{ roomCode, host: new URL(sandbox.baseUrl).host }]);
    expect(JSON.stringify(requests())).not.toContain('SECRET-TICKET');

    expect(await dispatch('answerMicrophoneRequest', { roomCode, allow: true }, { trusted: true })).toEqual({
      ok: true,
      value: { applied: true },
    });
    expect(await granted).toBe(true);
    expect(services.microphone.state()).toBe('granted');
    expect(await services.microphone.ask(pageUrl)).toBe(true);
    expect(requests()).toHaveLength(1);
  });

  it('an answer nobody asked for, or from an untrusted sender, or of the wrong shape, grants nothing', async () => {
    const { services, dispatch, roomCode } = await setup();
    expect(await dispatch('answerMicrophoneRequest', { roomCode, allow: true }, { trusted: true })).toEqual({
      ok: true,
      value: { applied: false },
    });
    const pending = services.microphone.ask('https://x.example/');
    expect((await dispatch('answerMicrophoneRequest', { roomCode, allow: true }, { trusted: false })).ok).toBe(false);
    expect((await dispatch('answerMicrophoneRequest', { roomCode, allow: 'yes' }, { trusted: true })).ok).toBe(false);
    expect((await dispatch('answerMicrophoneRequest', { roomCode, allow: true, extra: 1 }, { trusted: true })).ok).toBe(false);
    expect(services.microphone.state()).toBe('unasked');
    await dispatch('closeViewer', undefined, { trusted: true });
    expect(await pending).toBe(false);
  });
});
