import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';

/** A conf store in a fresh temp folder: the same class electron-store extends in the app. */
export function tempConf(): { conf: Conf; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'roomdesk-profiles-'));
  const conf = new Conf({ cwd: dir, projectName: 'roomdesk-test', configName: 'profiles' });
  return { conf, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
