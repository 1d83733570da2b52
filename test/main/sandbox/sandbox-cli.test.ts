import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_DEMO_APP } from '../../../main/sandbox/index';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

function runCli(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox.ts', ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitFor(read: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  for (let i = 0; i < 500; i += 1) {
    const match = read().match(pattern);
    if (match !== null) return match;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${pattern}; got: ${read()}`);
}

describe('npm run sandbox', { timeout: 40_000 }, () => {
  it('starts on a free port, prints the base URL and the demo credential, serves, and stops on SIGTERM', async () => {
    const cli = runCli(['--port', '0']);
    await waitFor(cli.output, /Press Ctrl-C/);
    const [, baseUrl] = await waitFor(cli.output, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(cli.output()).toContain(SANDBOX_DEMO_APP.appKey);
    expect(cli.output()).toContain(SANDBOX_DEMO_APP.appSecret);
    const answer = await fetch(`${baseUrl}/auth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ app_key: SANDBOX_DEMO_APP.appKey, app_secret: SANDBOX_DEMO_APP.appSecret }),
    });
    expect(((await answer.json()) as { code: number }).code).toBe(0);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('refuses a port that is not a number', async () => {
    const cli = runCli(['--port', 'eighty']);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/--port needs a number/);
  });
});
