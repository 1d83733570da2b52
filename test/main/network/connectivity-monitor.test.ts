import { describe, expect, it } from 'vitest';
import { createConnectivityMonitor, type NetworkState } from '../../../main/network/connectivity-monitor';
import { GatewayError } from '../../../main/realsee/errors';
import { manualTimers, settle } from './manual-timers';

const backoff = { initialMs: 1_000, maxMs: 8_000, factor: 2 };
const networkError = () => new GatewayError({ kind: 'network', message: 'The Realsee gateway could not be reached.' });
const timeoutError = () => new GatewayError({ kind: 'timeout', message: 'No answer in time.' });
const gatewayAnswer = () => new GatewayError({ kind: 'gateway', message: 'Room not found.', code: 10001 });

function setup(probeOutcomes: Array<'ok' | 'fail'> = []) {
  const clock = manualTimers();
  const changes: NetworkState[] = [];
  let probes = 0;
  const monitor = createConnectivityMonitor({
    probe: async () => {
      const outcome = probeOutcomes[probes] ?? 'fail';
      probes += 1;
      if (outcome === 'fail') throw networkError();
    },
    onChange: (state) => changes.push(state),
    now: clock.now,
    timers: clock.timers,
    backoff,
  });
  return { clock, changes, monitor, probes: () => probes };
}

describe('connectivity monitor', () => {
  it('starts online and reports nothing until a call says otherwise', () => {
    const { monitor, changes, clock } = setup();
    expect(monitor.state().online).toBe(true);
    expect(changes).toEqual([]);
    expect(clock.waiting()).toEqual([]);
  });

  it('goes offline on a network or timeout failure, once', async () => {
    const { monitor, changes } = setup();
    await expect(monitor.observe(() => Promise.reject(networkError()))).rejects.toThrow(GatewayError);
    await expect(monitor.observe(() => Promise.reject(timeoutError()))).rejects.toThrow(GatewayError);
    expect(changes.map((change) => change.online)).toEqual([false]);
    expect(monitor.state().online).toBe(false);
  });

  it('treats any gateway answer, even an error, as online', async () => {
    const { monitor, changes } = setup();
    monitor.reportFailure(networkError());
    await expect(monitor.observe(() => Promise.reject(gatewayAnswer()))).rejects.toThrow('Room not found.');
    expect(changes.map((change) => change.online)).toEqual([false, true]);
  });

  it('ignores failures that say nothing about the network', async () => {
    const { monitor, changes } = setup();
    await expect(monitor.observe(() => Promise.reject(new Error('keychain locked')))).rejects.toThrow();
    monitor.reportFailure(new GatewayError({ kind: 'outcome-unknown', message: 'Lost answer.' }));
    expect(changes).toEqual([]);
    expect(monitor.state().online).toBe(true);
  });

  it('probes in the background with a growing, capped wait while offline', async () => {
    const { monitor, clock, probes } = setup();
    monitor.reportFailure(networkError());
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [wait] = clock.waiting();
      waits.push(wait!);
      await clock.advance(wait!);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(probes()).toBe(6);
    expect(monitor.state().online).toBe(false);
  });

  it('comes back online when a probe reaches the gateway, then stops probing', async () => {
    const { monitor, clock, changes, probes } = setup(['fail', 'ok']);
    monitor.reportFailure(networkError());
    await clock.advance(1_000);
    await clock.advance(2_000);
    expect(changes.map((change) => change.online)).toEqual([false, true]);
    expect(changes[1]!.checkedAt).toBe(clock.now());
    expect(clock.waiting()).toEqual([]);
    await clock.advance(60_000);
    expect(probes()).toBe(2);
  });

  it('stops probing and restarts the backoff when a real call succeeds', async () => {
    const { monitor, clock } = setup();
    monitor.reportFailure(networkError());
    await clock.advance(1_000);
    await clock.advance(2_000);
    await monitor.observe(async () => 'details');
    expect(clock.waiting()).toEqual([]);
    monitor.reportFailure(networkError());
    expect(clock.waiting()).toEqual([1_000]);
  });

  it('checks at once when asked and reports the result', async () => {
    const { monitor, changes } = setup(['ok']);
    monitor.reportFailure(networkError());
    const state = await monitor.checkNow();
    expect(state.online).toBe(true);
    expect(changes.map((change) => change.online)).toEqual([false, true]);
  });

  it('a failed check while believed online turns offline', async () => {
    const { monitor, changes, clock } = setup(['fail']);
    expect((await monitor.checkNow()).online).toBe(false);
    expect(changes.map((change) => change.online)).toEqual([false]);
    expect(clock.waiting()).toEqual([1_000]);
  });

  it('does not run two probes at the same time', async () => {
    let release: () => void = () => undefined;
    let started = 0;
    const monitor = createConnectivityMonitor({
      probe: () => {
        started += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
      onChange: () => undefined,
      timers: manualTimers().timers,
    });
    const first = monitor.checkNow();
    const second = monitor.checkNow();
    release();
    await Promise.all([first, second]);
    expect(started).toBe(1);
  });

  it('stops everything when disposed', async () => {
    const { monitor, clock, changes, probes } = setup();
    monitor.reportFailure(networkError());
    monitor.dispose();
    expect(clock.waiting()).toEqual([]);
    await clock.advance(60_000);
    await settle();
    expect(probes()).toBe(0);
    expect(changes.length).toBe(1);
  });
});
