// Runs Playwright (arguments passed through), under xvfb-run on a Linux machine without a display
// so the real-Electron suite gets one.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { displayWrapper } from './prestart/checks';

const xvfbRunAvailable = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
const wrapper = displayWrapper({ platform: process.platform, env: process.env, xvfbRunAvailable });
if ('missing' in wrapper) console.log(wrapper.missing);
const prefix = 'prefix' in wrapper ? wrapper.prefix : [];
const playwright = join('node_modules', '.bin', process.platform === 'win32' ? 'playwright.cmd' : 'playwright');
const [command, ...args] = [...prefix, playwright, 'test', ...process.argv.slice(2)];
const result = spawnSync(command!, args, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
