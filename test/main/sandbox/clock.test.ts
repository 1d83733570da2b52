import { describe, expect, it } from 'vitest';
import { createManualClock, startSandboxGateway } from '../../../main/sandbox/index';

describe('manual clock', () => {
  it('starts where asked, advances and can be set', () => {
    const clock = createManualClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(500);
    expect(clock.now()).toBe(1_500);
    clock.set(10);
    expect(clock.now()).toBe(10);
  });

  it('refuses to move backwards through advance', () => {
    expect(() => createManualClock(0).advance(-1)).toThrow(RangeError);
  });
});

describe('startSandboxGateway options', () => {
  it('listens on loopback and uses real time by default', async () => {
    const gateway = await startSandboxGateway();
    try {
      expect(gateway.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Math.abs(gateway.clock.now() - Date.now())).toBeLessThan(1_000);
      expect(gateway.demoApp.appKey).toMatch(/^[A-Za-z0-9]{16}$/);
    } finally {
      await gateway.close();
    }
  });

  it('refuses unusable options', async () => {
    await expect(startSandboxGateway({ roles: { host: 'a', guest: 'a' } })).rejects.toThrow(/roles/);
    await expect(startSandboxGateway({ apps: [] })).rejects.toThrow(/app/);
    await expect(startSandboxGateway({ tokenTtlSeconds: 0 })).rejects.toThrow(/tokenTtlSeconds/);
  });
});
