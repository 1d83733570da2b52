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

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'roomdesk-live-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const sandbox = await startSandboxGateway();
  cleanups.push(() => sandbox.close());
  const secrets = new SecretRegistry();
  const logger = createLogger(() => undefined, secrets);
  const services = await createAppServices({
    dataDir,
    profileStore: new Conf({ cwd: dataDir, configName: 'profiles', projectName: 'roomdesk-live' }),
    vault: { get: async () => null, set: async () => undefined, delete: async () => false },
    sandbox,
    logger,
    secrets,
    appVersion: 'test',
    platform: process.platform,
    chooseExportPath: async () => null,
    emit: () => undefined,
  });
  cleanups.push(() => services.dispose());
  const dispatch = createBridgeDispatcher(createBridgeHandlers(services), logger);
  const call = (method: string, input: unknown) => dispatch(method, input, { trusted: true });
  const created = await call('createRoom', { guests: [], listing: {} });
  if (!created.ok) throw new Error(created.error.message);
  return { services, call, roomCode: (created.value as { roomCode: string }).roomCode };
}

describe('holding a room’s live channel over the bridge', () => {
  it('refuses an unknown, missing or main-only holder with a validation error and holds nothing', async () => {
    const { services, call, roomCode } = await setup();
    for (const input of [
      { roomCode, holder: 'screen' },
      { roomCode, holder: 'tour-view' },
      { roomCode, holder: '' },
      { roomCode },
      { roomCode, holder: 'voice', extra: 1 },
      { roomCode, holder: ['voice'] },
    ]) {
      expect(await call('connectLiveChannel', input)).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(await call('disconnectLiveChannel', input)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
    expect(services.live.holders(roomCode)).toEqual([]);
    expect(services.live.presence(roomCode)).toBeNull();
  });

  it('keeps the channel while another part holds it, and lets it go with the last', async () => {
    const { services, call, roomCode } = await setup();
    expect(await call('connectLiveChannel', { roomCode, holder: 'presence' })).toMatchObject({ ok: true });
    expect(await call('connectLiveChannel', { roomCode, holder: 'voice' })).toMatchObject({ ok: true });
    await expect.poll(() => services.live.presence(roomCode)?.connection).toBe('connected');
    expect(await call('disconnectLiveChannel', { roomCode, holder: 'presence' })).toMatchObject({
      ok: true,
      value: { connection: 'connected' },
    });
    expect(await call('disconnectLiveChannel', { roomCode, holder: 'voice' })).toMatchObject({
      ok: true,
      value: { connection: 'disconnected' },
    });
  });
});
