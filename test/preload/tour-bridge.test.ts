import { describe, expect, it } from 'vitest';
import { tourPageChannelFor, tourPageEventChannelFor } from '../../common/contract/tour';
import { buildTourBridge } from '../../preload/tour-bridge';
import type { BridgeTransport } from '../../preload/bridge';

/** A transport that records invocations and lets the test push events as main would. */
function fakeTransport(answer: (channel: string, input: unknown) => unknown = () => ({ ok: true, value: { sent: true } })) {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const invoked: Array<{ channel: string; input: unknown }> = [];
  const transport: BridgeTransport = {
    invoke: async (channel, input) => {
      invoked.push({ channel, input });
      return answer(channel, input);
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const push = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener({ sender: 'main' }, payload));
  return { transport, invoked, push };
}

describe('window.roomdeskTour', () => {
  it('exposes only the tour page methods and events, frozen', () => {
    const bridge = buildTourBridge(fakeTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual([
      'onChannelEvent',
      'onCommand',
      'ready',
      'report',
      'sendKeyframe',
      'setSyncFramePermission',
    ]);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect('openTour' in bridge || 'createRoom' in bridge).toBe(false);
  });

  it('refuses bad input before it leaves the page, and a malformed answer from main', async () => {
    const { transport, invoked } = fakeTransport(() => ({ ok: true, value: { sent: 'yes' } }));
    const bridge = buildTourBridge(transport);
    const bad = await bridge.setSyncFramePermission({ userId: '', allowed: true });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(invoked).toEqual([]);
    const odd = await bridge.sendKeyframe({ frames: { FiveState: { longitude: 1 } } });
    expect(odd).toMatchObject({ ok: false, error: { kind: 'protocol' } });
    expect(invoked.map((call) => call.channel)).toEqual([tourPageChannelFor('sendKeyframe')]);
  });

  it('passes on only events that match the contract, without fields it does not name', () => {
    const { transport, push } = fakeTransport();
    const bridge = buildTourBridge(transport);
    const seen: unknown[] = [];
    const stop = bridge.onChannelEvent((message) => seen.push(message));
    const channel = tourPageEventChannelFor('channelEvent');
    push(channel, { event: { type: 'CUSTOM_EVENT', eventId: 'x', payload: {} }, envelope: {} });
    push(channel, { event: { type: 'USER_LIST', users: [{ user_role: 'anchor' }] }, envelope: {} });
    push(channel, {
      event: {
        type: 'SELF_USER_INFO',
        user: { id: 'agent-1', user_role: 'anchor', ticket: 'secret-ticket', extension: { nickname: 'Li', sig: 's' } },
      },
      envelope: { trigger_user_id: null, request_id: 'r' },
    });
    expect(seen).toEqual([
      {
        event: { type: 'SELF_USER_INFO', user: { id: 'agent-1', user_role: 'anchor', extension: { nickname: 'Li' } } },
        envelope: { trigger_user_id: null },
      },
    ]);
    // A user with odd fields is kept, those fields nulled: guided viewing still sees who is there.
    push(channel, {
      event: { type: 'USER_LIST', users: [{ id: 'client-1', user_role: 7, extension: [1], permission: 'all', status: 0 }] },
      envelope: {},
    });
    expect(seen.at(-1)).toEqual({
      event: { type: 'USER_LIST', users: [{ id: 'client-1', user_role: null, extension: null, permission: null, status: 0 }] },
      envelope: {},
    });
    stop();
    push(channel, { event: { type: 'USER_LIST', users: [] }, envelope: {} });
    expect(seen).toHaveLength(2);

    const commands: unknown[] = [];
    bridge.onCommand((command) => commands.push(command));
    push(tourPageEventChannelFor('command'), { type: 'handOver' });
    push(tourPageEventChannelFor('command'), { type: 'takeBack' });
    expect(commands).toEqual([{ type: 'takeBack' }]);
  });
});
