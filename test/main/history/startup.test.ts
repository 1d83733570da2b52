import Conf from 'conf';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../main/app-services';
import { createBridgeDispatcher } from '../../../main/bridge/dispatch';
import { createBridgeHandlers } from '../../../main/bridge/handlers';
import { encodeJournal, JOURNAL_FILE_NAME } from '../../../main/history/history-store';
import { createLogger, SecretRegistry } from '../../../main/logging/logger';
import { generateRooms } from '../../../scripts/bench/history';
import { makeTempDir } from './fixtures';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('the app starts before the history is loaded', () => {
  it('createAppServices returns while the history loads; status answers "loading", queries wait, then an event says ready', async () => {
    writeFileSync(join(temp.dir, JOURNAL_FILE_NAME), Buffer.concat(encodeJournal(generateRooms(5_000))));
    const events: { event: string; payload: unknown }[] = [];
    const secrets = new SecretRegistry();
    const logger = createLogger(() => undefined, secrets);
    const services = await createAppServices({
      dataDir: temp.dir,
      profileStore: new Conf({ cwd: temp.dir, configName: 'profiles', projectName: 'roomdesk-startup-test' }),
      vault: { get: async () => null, set: async () => undefined, delete: async () => false },
      sandbox: null,
      logger,
      secrets,
      appVersion: 'test',
      platform: process.platform,
      chooseExportPath: async () => null,
      emit: (event, payload) => events.push({ event, payload }),
    });
    const dispatch = createBridgeDispatcher(createBridgeHandlers(services), logger);

    const status = await dispatch('getHistoryStatus', undefined, { trusted: true });
    expect(status).toMatchObject({ ok: true, value: { state: { load: 'loading', saveProblem: null }, stats: { rooms: 0 } } });
    const page = await dispatch('queryHistory', { sort: 'newest', offset: 0, limit: 5 }, { trusted: true });
    expect(page).toMatchObject({ ok: true, value: { total: 5_000 } });
    expect(events).toContainEqual({ event: 'historyState', payload: { load: 'ready', saveProblem: null } });
    expect(await dispatch('getHistoryStatus', undefined, { trusted: true })).toMatchObject({
      ok: true,
      value: { state: { load: 'ready' }, stats: { rooms: 5_000 } },
    });
    await services.dispose();
  }, 30_000);
});
