import type { VoiceSignal } from '../../../../../common/voice-signal';

/** How signals reach the room's other participants (main's live channel in the app, the page's own in the guest page). */
export interface SignalTransport {
  /** One peer, or (`null`) everyone else in the room. Failures are the transport's to report. */
  send(toUserId: string | null, signal: VoiceSignal): void;
  onSignal(listener: (fromUserId: string, signal: VoiceSignal) => void): () => void;
}

export type PeerState = 'connecting' | 'connected' | 'lost';

export interface PeerMeshOptions {
  selfId: string;
  transport: SignalTransport;
  /** The local microphone track sent to every peer. */
  track: MediaStreamTrack;
  onRemoteStream(userId: string, stream: MediaStream | null): void;
  onPeerState(userId: string, state: PeerState | null): void;
  createPeerConnection?: (configuration: RTCConfiguration) => RTCPeerConnection;
  newSessionId?: () => string;
  /** A connection `disconnected` this long counts as lost and is rebuilt. */
  lostAfterMs?: number;
  /** Waits before asking a lost peer to connect again: attempt 1, 2, 3… */
  rejoinDelayMs?: (attempt: number) => number;
}

interface Peer {
  userId: string;
  remoteSession: string;
  connection: RTCPeerConnection | null;
  pendingCandidates: RTCIceCandidateInit[];
  lostTimer: ReturnType<typeof setTimeout> | null;
  rejoinTimer: ReturnType<typeof setTimeout> | null;
  rejoinAttempts: number;
}

/** Loopback and LAN only: host candidates need no STUN or TURN server. */
const RTC_CONFIGURATION: RTCConfiguration = { iceServers: [] };
const LOST_AFTER_MS = 4_000;
const defaultRejoinDelay = (attempt: number) => Math.min(8_000, 500 * 2 ** (attempt - 1));

/**
 * A full mesh of audio-only WebRTC connections, one per peer in voice (a viewing room has a few
 * people). Joining says `hello` to everyone; of each pair, the lower user id makes the offer and the
 * other answers a `hello` in reply, so both never offer at once. A connection that fails (or stays
 * disconnected) is closed and rebuilt with a fresh `hello` after a growing wait, while the peer is
 * still in voice. Signals from an older join of either side are dropped by their session ids.
 */
export function createPeerMesh(options: PeerMeshOptions) {
  const session = (options.newSessionId ?? randomSessionId)();
  const createConnection = options.createPeerConnection ?? ((configuration) => new RTCPeerConnection(configuration));
  const lostAfterMs = options.lostAfterMs ?? LOST_AFTER_MS;
  const rejoinDelay = options.rejoinDelayMs ?? defaultRejoinDelay;
  const peers = new Map<string, Peer>();
  let track = options.track;
  let running = false;
  let unsubscribe: (() => void) | null = null;

  const isOfferer = (userId: string) => options.selfId < userId;
  const send = (toUserId: string | null, signal: VoiceSignal) => {
    if (running) options.transport.send(toUserId, signal);
  };

  function closePeer(peer: Peer): void {
    if (peer.lostTimer) clearTimeout(peer.lostTimer);
    if (peer.rejoinTimer) clearTimeout(peer.rejoinTimer);
    peer.lostTimer = peer.rejoinTimer = null;
    const connection = peer.connection;
    peer.connection = null;
    if (connection) {
      connection.onicecandidate = connection.ontrack = connection.onconnectionstatechange = null;
      connection.close();
      options.onRemoteStream(peer.userId, null);
    }
  }

  function removePeer(userId: string): void {
    const peer = peers.get(userId);
    if (!peer) return;
    closePeer(peer);
    peers.delete(userId);
    options.onPeerState(userId, null);
  }

  /** A new record for the peer's session (its older connection closed); rejoin attempts carry over. */
  function resetPeer(userId: string, remoteSession: string): Peer {
    const previous = peers.get(userId);
    if (previous) closePeer(previous);
    const peer: Peer = {
      userId,
      remoteSession,
      connection: null,
      pendingCandidates: [],
      lostTimer: null,
      rejoinTimer: null,
      rejoinAttempts: previous?.remoteSession === remoteSession ? previous.rejoinAttempts : 0,
    };
    peers.set(userId, peer);
    options.onPeerState(userId, 'connecting');
    return peer;
  }

  function connect(peer: Peer): RTCPeerConnection {
    const connection = createConnection(RTC_CONFIGURATION);
    peer.connection = connection;
    connection.addTrack(track, new MediaStream([track]));
    connection.onicecandidate = (event) => {
      if (!event.candidate || peer.connection !== connection) return;
      const { candidate, sdpMid, sdpMLineIndex } = event.candidate;
      send(peer.userId, {
        kind: 'ice',
        session,
        peerSession: peer.remoteSession,
        candidate,
        sdpMid: sdpMid ?? null,
        sdpMLineIndex: sdpMLineIndex ?? null,
      });
    };
    connection.ontrack = (event) => {
      if (peer.connection !== connection) return;
      options.onRemoteStream(peer.userId, event.streams[0] ?? new MediaStream([event.track]));
    };
    connection.onconnectionstatechange = () => {
      if (peer.connection !== connection) return;
      onConnectionState(peer, connection.connectionState);
    };
    return connection;
  }

  function onConnectionState(peer: Peer, state: RTCPeerConnectionState): void {
    if (state === 'connected') {
      if (peer.lostTimer) clearTimeout(peer.lostTimer);
      peer.lostTimer = null;
      peer.rejoinAttempts = 0;
      options.onPeerState(peer.userId, 'connected');
    } else if (state === 'failed') {
      lost(peer);
    } else if (state === 'disconnected' && !peer.lostTimer) {
      peer.lostTimer = setTimeout(() => {
        peer.lostTimer = null;
        if (peer.connection?.connectionState !== 'connected') lost(peer);
      }, lostAfterMs);
    }
  }

  /** The connection is gone while the peer may still be in voice: close it and say hello again after a wait. */
  function lost(peer: Peer): void {
    closePeer(peer);
    options.onPeerState(peer.userId, 'lost');
    peer.rejoinAttempts += 1;
    peer.rejoinTimer = setTimeout(() => {
      peer.rejoinTimer = null;
      if (peers.get(peer.userId) === peer) send(peer.userId, { kind: 'hello', session, reply: false });
    }, rejoinDelay(peer.rejoinAttempts));
  }

  async function offer(peer: Peer): Promise<void> {
    peer.pendingCandidates = [];
    const connection = connect(peer);
    const description = await connection.createOffer();
    await connection.setLocalDescription(description);
    if (peer.connection !== connection) return;
    send(peer.userId, { kind: 'offer', session, peerSession: peer.remoteSession, sdp: description.sdp ?? '' });
  }

  /** Candidates that came before the offer (they can overtake it) stay queued for the new connection. */
  async function answer(peer: Peer, sdp: string): Promise<void> {
    if (peer.connection) closePeer(peer);
    const connection = connect(peer);
    await connection.setRemoteDescription({ type: 'offer', sdp });
    await flushCandidates(peer, connection);
    const description = await connection.createAnswer();
    await connection.setLocalDescription(description);
    if (peer.connection !== connection) return;
    send(peer.userId, { kind: 'answer', session, peerSession: peer.remoteSession, sdp: description.sdp ?? '' });
  }

  async function flushCandidates(peer: Peer, connection: RTCPeerConnection): Promise<void> {
    const pending = peer.pendingCandidates.splice(0);
    for (const candidate of pending) await connection.addIceCandidate(candidate).catch(() => undefined);
  }

  async function receive(fromUserId: string, signal: VoiceSignal): Promise<void> {
    if (!running || fromUserId === options.selfId) return;
    const peer = peers.get(fromUserId);
    switch (signal.kind) {
      case 'hello': {
        if (signal.reply && peer?.remoteSession === signal.session && peer.connection) return;
        const fresh = resetPeer(fromUserId, signal.session);
        if (isOfferer(fromUserId)) return offer(fresh);
        if (!signal.reply) send(fromUserId, { kind: 'hello', session, reply: true });
        return;
      }
      case 'bye':
        if (peer?.remoteSession === signal.session) removePeer(fromUserId);
        return;
      case 'offer': {
        if (signal.peerSession !== session || isOfferer(fromUserId)) return;
        const target = peer?.remoteSession === signal.session ? peer : resetPeer(fromUserId, signal.session);
        return answer(target, signal.sdp);
      }
      case 'answer': {
        if (signal.peerSession !== session || peer?.remoteSession !== signal.session) return;
        const connection = peer.connection;
        if (!connection || connection.signalingState !== 'have-local-offer') return;
        await connection.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
        return flushCandidates(peer, connection);
      }
      case 'ice': {
        if (signal.peerSession !== session || peer?.remoteSession !== signal.session) return;
        const candidate = { candidate: signal.candidate, sdpMid: signal.sdpMid, sdpMLineIndex: signal.sdpMLineIndex };
        const connection = peer.connection;
        if (connection?.remoteDescription) await connection.addIceCandidate(candidate).catch(() => undefined);
        else peer.pendingCandidates.push(candidate);
        return;
      }
    }
  }

  return {
    session,
    /** Joins: listens for signals and says hello to everyone in the room. */
    start(): void {
      if (running) return;
      running = true;
      unsubscribe = options.transport.onSignal((from, signal) => {
        receive(from, signal).catch(() => {
          // A description the browser refused: treat that connection as lost, which rebuilds it.
          const peer = peers.get(from);
          if (peer && running) lost(peer);
        });
      });
      send(null, { kind: 'hello', session, reply: false });
    },
    /** Says hello again, e.g. after the room's channel reconnected; peers that lost us rebuild their connection. */
    announce(): void {
      send(null, { kind: 'hello', session, reply: false });
    },
    /** Leaves: says bye and closes every connection. */
    stop(): void {
      if (!running) return;
      send(null, { kind: 'bye', session });
      running = false;
      unsubscribe?.();
      unsubscribe = null;
      for (const userId of [...peers.keys()]) removePeer(userId);
    },
    /** A peer left the room: its connection goes without waiting for a timeout. */
    peerLeft(userId: string): void {
      removePeer(userId);
    },
    /** Another microphone: every connection sends the new track from now on. */
    async replaceTrack(next: MediaStreamTrack): Promise<void> {
      track = next;
      for (const peer of peers.values()) {
        for (const sender of peer.connection?.getSenders() ?? []) {
          if (sender.track?.kind !== 'video') await sender.replaceTrack(next);
        }
      }
    },
    peerIds: (): string[] => [...peers.keys()],
  };
}

export type PeerMesh = ReturnType<typeof createPeerMesh>;

function randomSessionId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
