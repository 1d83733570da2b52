import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGatewayProbe } from '../../../main/network/gateway-probe';
import { observeCalls } from '../../../main/network/observed-calls';
import { createConnectivityMonitor } from '../../../main/network/connectivity-monitor';
import { GatewayError } from '../../../main/realsee/errors';
import { startSandboxGateway, type SandboxGateway } from '../../../main/sandbox/index';

let sandbox: SandboxGateway | null = null;
afterEach(async () => {
  await sandbox?.close().catch(() => undefined);
  sandbox = null;
});

describe('gateway probe', () => {
  it('succeeds on any HTTP answer from the sandbox gateway', async () => {
    sandbox = await startSandboxGateway();
    const url = sandbox.baseUrl;
    await expect(createGatewayProbe({ baseUrl: async () => url })()).resolves.toBeUndefined();
  });

  it('fails when nothing listens at the address', async () => {
    sandbox = await startSandboxGateway();
    const url = sandbox.baseUrl;
    await sandbox.close();
    await expect(createGatewayProbe({ baseUrl: async () => url })()).rejects.toThrow();
  });

  it('gives up after its timeout when the server never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    await expect(createGatewayProbe({ baseUrl: async () => `http://127.0.0.1:${port}`, timeoutMs: 200 })()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3_000);
    silent.closeAllConnections();
    silent.close();
  });
});

describe('observed service calls', () => {
  it('report each call to the monitor and keep results, errors and this', async () => {
    const monitor = createConnectivityMonitor({ probe: async () => undefined, onChange: () => undefined });
    const service = {
      prefix: 'room ',
      async name(code: string) {
        return this.prefix + code;
      },
      async details(): Promise<string> {
        throw new GatewayError({ kind: 'network', message: 'unreachable' });
      },
    };
    const observed = observeCalls(service, monitor);
    await expect(observed.details()).rejects.toThrow('unreachable');
    expect(monitor.state().online).toBe(false);
    await expect(observed.name('R1')).resolves.toBe('room R1');
    expect(monitor.state().online).toBe(true);
    monitor.dispose();
  });
});
