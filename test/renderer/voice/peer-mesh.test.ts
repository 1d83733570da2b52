import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VoiceSignal } from '../../../common/voice-signal';
import { createPeerMesh, type PeerMesh, type PeerState, type SignalTransport } from '../../../renderer/src/features/voice/mesh/peer-mesh';

/**
 * The peer mesh with a stand-in RTCPeerConnection: two stand-ins "connect" once one holds the
 * other's offer and answer, then report `connected`, a candidate and a remote stream. Signals go
 * through an in-memory room that delivers in order, like the live channel.
 */

let nextId = 0;
const connections = new Map<string, FakeConnection>();

class FakeConnection {
  readonly id = `pc${(nextId += 1)}`;
  connectionState: RTCPeerConnectionState = 'new';
  signalingState: RTCSignalingState = 'stable';
  localDescription: RTCSessionDescriptionInit | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  candidates: RTCIceCandidateInit[] = [];
  tracks: unknown[] = [];
  closed = false;
  onicecandidate: ((event: { candidate: unknown }) => void) | null = null;
  ontrack: ((event: { streams: unknown[]; track: unknown }) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;
  constructor() {
    connections.set(this.id, this);
  }
  addTrack(track: unknown) {
    this.tracks.push(track);
  }
  getSenders() {
    return this.tracks.map((track) => ({ track, replaceTrack: async (next: unknown) => void (this.tracks = [next]) }));
  }
  async createOffer() {
    return { type: 'offer' as const, sdp: `offer ${this.id}` };
  }
  async createAnswer() {
    return { type: 'answer' as const, sdp: `answer ${this.id} to ${this.remoteDescription?.sdp?.split(' ')[1]}` };
  }
  async setLocalDescription(description: RTCSessionDescriptionInit) {
    this.localDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable';
    queueMicrotask(() => this.onicecandidate?.({ candidate: { candidate: `candidate ${this.id}`, sdpMid: '0', sdpMLineIndex: 0 } }));
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    this.remoteDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
    if (description.type === 'answer') {
      const answerer = connections.get(description.sdp!.split(' ')[1]!)!;
      queueMicrotask(() => {
        this.set('connected', answerer.id);
        answerer.set('connected', this.id);
      });
    }
  }
  async addIceCandidate(candidate: RTCIceCandidateInit) {
    if (!this.remoteDescription) throw new Error('no remote description');
    this.candidates.push(candidate);
  }
  close() {
    this.closed = true;
    this.connectionState = 'closed';
  }
  set(state: RTCPeerConnectionState, peerId?: string) {
    if (this.closed) return;
    this.connectionState = state;
    if (state === 'connected') this.ontrack?.({ streams: [{ id: `stream from ${peerId}` }], track: {} });
    this.onconnectionstatechange?.();
  }
}

/** The room's channel: delivers each signal to its addressee (or everyone else) in order. */
function createRoom() {
  const members = new Map<string, Set<(from: string, signal: VoiceSignal) => void>>();
  const log: Array<{ from: string; to: string | null; signal: VoiceSignal }> = [];
  let queue = Promise.resolve();
  return {
    log,
    transport(userId: string): SignalTransport {
      members.set(userId, members.get(userId) ?? new Set());
      return {
        send(to, signal) {
          log.push({ from: userId, to, signal });
          queue = queue.then(async () => {
            for (const [memberId, listeners] of members) {
              if (memberId === userId || (to !== null && to !== memberId)) continue;
              for (const listener of listeners) listener(userId, signal);
            }
          });
        },
        onSignal(listener) {
          members.get(userId)!.add(listener);
          return () => void members.get(userId)!.delete(listener);
        },
      };
    },
  };
}

interface Member {
  mesh: PeerMesh;
  states: Map<string, PeerState | null>;
  streams: Map<string, unknown>;
}

function member(room: ReturnType<typeof createRoom>, userId: string, extra: { rejoinDelayMs?: (attempt: number) => number } = {}): Member {
  const states = new Map<string, PeerState | null>();
  const streams = new Map<string, unknown>();
  const mesh = createPeerMesh({
    selfId: userId,
    transport: room.transport(userId),
    track: { kind: 'audio', id: `mic of ${userId}` } as unknown as MediaStreamTrack,
    onRemoteStream: (peer, stream) => void streams.set(peer, stream),
    onPeerState: (peer, state) => void states.set(peer, state),
    createPeerConnection: () => new FakeConnection() as unknown as RTCPeerConnection,
    rejoinDelayMs: extra.rejoinDelayMs ?? (() => 10),
    lostAfterMs: 50,
  });
  return { mesh, states, streams };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const offersIn = (room: ReturnType<typeof createRoom>) => room.log.filter((entry) => entry.signal.kind === 'offer');

beforeEach(() => {
  vi.stubGlobal(
    'MediaStream',
    class {
      constructor(readonly tracks: unknown[]) {}
    },
  );
  connections.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('peer mesh', () => {
  it('a late joiner is offered by the lower user id and both hear each other', async () => {
    const room = createRoom();
    const agent = member(room, 'agent-1');
    const client = member(room, 'client-zhang');
    client.mesh.start();
    await settle();
    agent.mesh.start();
    await settle();

    expect(offersIn(room).map((entry) => entry.from)).toEqual(['agent-1']);
    expect(agent.states.get('client-zhang')).toBe('connected');
    expect(client.states.get('agent-1')).toBe('connected');
    expect(agent.streams.get('client-zhang')).toBeTruthy();
    expect(client.streams.get('agent-1')).toBeTruthy();
    // Candidates crossed: each side added the other's.
    const added = [...connections.values()].filter((connection) => !connection.closed).flatMap((connection) => connection.candidates);
    expect(added.length).toBeGreaterThanOrEqual(2);
  });

  it('two joining at once make one offer, not two (no glare)', async () => {
    const room = createRoom();
    const a = member(room, 'a-user');
    const b = member(room, 'b-user');
    a.mesh.start();
    b.mesh.start();
    await settle();
    expect(offersIn(room)).toHaveLength(1);
    expect(offersIn(room)[0]!.from).toBe('a-user');
    expect(a.states.get('b-user')).toBe('connected');
    expect(b.states.get('a-user')).toBe('connected');
  });

  it('three people make a full mesh: three connections, one offer per pair', async () => {
    const room = createRoom();
    const people = ['u1', 'u2', 'u3'].map((id) => member(room, id));
    for (const person of people) {
      person.mesh.start();
      await settle();
    }
    expect(offersIn(room)).toHaveLength(3);
    for (const person of people) expect([...person.states.values()]).toEqual(['connected', 'connected']);
  });

  it('a lost connection is rebuilt with a fresh hello while the peer is still in voice', async () => {
    const room = createRoom();
    const agent = member(room, 'agent-1');
    const client = member(room, 'client-zhang');
    agent.mesh.start();
    client.mesh.start();
    await settle();
    const first = [...connections.values()].find((connection) => !connection.closed && connection.localDescription?.type === 'answer')!;
    first.set('failed');
    expect(client.states.get('agent-1')).toBe('lost');
    expect(client.streams.get('agent-1')).toBeNull();
    await settle();
    await settle();
    expect(client.states.get('agent-1')).toBe('connected');
    expect(agent.states.get('client-zhang')).toBe('connected');
    expect(offersIn(room)).toHaveLength(2);
  });

  it('a connection that stays disconnected counts as lost', async () => {
    const room = createRoom();
    const agent = member(room, 'agent-1', { rejoinDelayMs: () => 60_000 });
    const client = member(room, 'client-zhang');
    agent.mesh.start();
    client.mesh.start();
    await settle();
    const offerer = [...connections.values()].find((connection) => connection.localDescription?.type === 'offer')!;
    offerer.set('disconnected');
    expect(agent.states.get('client-zhang')).toBe('connected');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(agent.states.get('client-zhang')).toBe('lost');
  });

  it('leaving says bye: the other side drops the peer; signals from an older join are ignored', async () => {
    const room = createRoom();
    const agent = member(room, 'agent-1');
    const client = member(room, 'client-zhang');
    agent.mesh.start();
    client.mesh.start();
    await settle();
    const oldSession = client.mesh.session;
    client.mesh.stop();
    await settle();
    expect(agent.states.get('client-zhang')).toBeNull();
    expect(agent.mesh.peerIds()).toEqual([]);

    // A stale offer from the old join (addressed to the agent's session) changes nothing.
    const lateTransport = room.transport('client-zhang');
    lateTransport.send('agent-1', { kind: 'hello', session: oldSession, reply: true });
    await settle();
    expect(agent.mesh.peerIds()).toEqual(['client-zhang']);
    lateTransport.send('agent-1', {
      kind: 'answer',
      session: 'ffffffffffffffff',
      peerSession: agent.mesh.session,
      sdp: 'answer pc999 to pc1',
    });
    await settle();
    expect(agent.states.get('client-zhang')).toBe('connecting');
  });

  it('a peer that left the room is dropped at once, and a new microphone replaces the track on every connection', async () => {
    const room = createRoom();
    const agent = member(room, 'agent-1');
    const client = member(room, 'client-zhang');
    agent.mesh.start();
    client.mesh.start();
    await settle();
    const next = { kind: 'audio', id: 'headset' } as unknown as MediaStreamTrack;
    await agent.mesh.replaceTrack(next);
    const agentConnection = [...connections.values()].find((connection) => connection.localDescription?.type === 'offer')!;
    expect(agentConnection.tracks).toEqual([next]);
    agent.mesh.peerLeft('client-zhang');
    expect(agent.states.get('client-zhang')).toBeNull();
    expect(agentConnection.closed).toBe(true);
  });
});
