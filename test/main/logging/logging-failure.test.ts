import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../main/app-services';
import { createBridgeDispatcher } from '../../../main/bridge/dispatch';
import { createBridgeHandlers } from '../../../main/bridge/handlers';
import { HISTORY_FILE_NAME } from '../../../main/history/history-file';
import { createLogger, fileLogSink, SecretRegistry } from '../../../main/logging/logger';
import { startSandboxGateway, type SandboxGateway } from '../../../main/sandbox/index';

const diskFull = () => {
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('logging never throws', () => {
  it('a sink that throws does not reach the caller', () => {
    const logger = createLogger(diskFull, new SecretRegistry());
    expect(() => logger.error('something failed', { error: new Error('x') })).not.toThrow();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => createLogger(() => undefined, new SecretRegistry()).warn('odd fields', circular)).not.toThrow();
  });

  it('the file sink on a full disk (/dev/full) swallows the failure', () => {
    if (!existsSync('/dev/full')) {
      console.warn('skipped: this system has no /dev/full to stand for a full disk');
      return;
    }
    const logger = createLogger(fileLogSink('/dev/full'), new SecretRegistry());
    expect(() => logger.warn('room history: a change was not saved')).not.toThrow();
  });

  it('a room created while neither the history nor the log can be written is reported as created', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roomdesk-logfail-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const sandbox: SandboxGateway = await startSandboxGateway();
    cleanups.push(() => sandbox.close());
    const secrets = new SecretRegistry();
    const logger = createLogger(diskFull, secrets);
    const services = await createAppServices({
      dataDir,
      profileStore: new Conf({ cwd: dataDir, configName: 'profiles', projectName: 'roomdesk-logfail' }),
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
    // A folder where the history file goes: every history save fails, as on a full disk.
    const historyPath = join(dataDir, HISTORY_FILE_NAME);
    rmSync(historyPath, { force: true });
    mkdirSync(historyPath);

    const dispatch = createBridgeDispatcher(createBridgeHandlers(services), logger);
    const result = await dispatch('createRoom', { guests: [], listing: {} }, { trusted: true });
    expect(result).toMatchObject({ ok: true, value: { roomCode: expect.any(String) } });
  });
});
