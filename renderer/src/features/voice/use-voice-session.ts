import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import type { VoiceVendor } from '../../../../common/voice';
import { createVoiceAdapter } from './adapter-factory';
import { toVoiceFailure } from './media-errors';
import type { VoiceProblem } from '../../lib/voice-problem';
import { bridgeSignalling } from './mesh/bridge-signalling';
import { createRejoiningAdapter, type RejoiningAdapter } from './rejoining-adapter';
import { VoiceFailure, type RemoteVoiceParticipant, type Unsubscribe, type VoiceAdapter } from './voice-adapter';
import type { AdapterContext, AdapterFactory, VoiceBridge } from './voice-bridge';

export type VoiceStatus = 'idle' | 'joining' | 'joined';

export interface VoiceIssue {
  problem: VoiceProblem;
  /** The vendor's, browser's or gateway's own words. */
  detail?: string;
  requestId?: string;
}

export interface VoiceSessionState {
  status: VoiceStatus;
  vendor: VoiceVendor | null;
  muted: boolean;
  level: number;
  speaking: boolean;
  issue: VoiceIssue | null;
  /** The others in voice, by live channel user id. */
  remote: RemoteVoiceParticipant[];
  /** TRTC and Chime: the vendor dropped the call and rejoin number N is under way. */
  reconnecting: number | null;
}

const idle: VoiceSessionState = {
  status: 'idle',
  vendor: null,
  muted: false,
  level: 0,
  speaking: false,
  issue: null,
  remote: [],
  reconnecting: null,
};

export interface VoiceJoinChoice {
  deviceId?: string;
  outputDeviceId?: string;
}

/**
 * One voice session for one room: join fetches a fresh signature through the bridge and hands it
 * straight to the adapter (it is never put in React state), leave and unmount release everything.
 */
export function useVoiceSession({
  roomCode,
  bridge,
  createAdapter = createVoiceAdapter,
}: {
  roomCode: string;
  bridge: VoiceBridge;
  createAdapter?: AdapterFactory;
}) {
  const [state, setState] = useState<VoiceSessionState>(idle);
  const adapterRef = useRef<VoiceAdapter | null>(null);
  const subscriptionsRef = useRef<Unsubscribe[]>([]);
  /** Bumped by every join and leave, so a join that finishes after a leave cleans up after itself. */
  const attemptRef = useRef(0);
  /** The room whose voice is joined, so leaving it goes on that room's timeline. */
  const joinedRef = useRef<{ roomCode: string; bridge: VoiceBridge } | null>(null);
  /** Lets go of voice's hold on the room's live channel (sandbox signalling), once voice is left. */
  const releaseChannelRef = useRef<(() => void) | null>(null);

  const release = useCallback(async () => {
    for (const unsubscribe of subscriptionsRef.current) unsubscribe();
    subscriptionsRef.current = [];
    const adapter = adapterRef.current;
    adapterRef.current = null;
    const joined = joinedRef.current;
    joinedRef.current = null;
    await adapter?.leave().catch(() => undefined);
    const releaseChannel = releaseChannelRef.current;
    releaseChannelRef.current = null;
    releaseChannel?.();
    if (joined) {
      void joined.bridge.setRoomMicrophone?.({ roomCode: joined.roomCode, open: false }).catch(() => undefined);
      void joined.bridge.leaveVoice?.({ roomCode: joined.roomCode });
    }
  }, []);

  const leave = useCallback(async () => {
    attemptRef.current += 1;
    await release();
    setState((current) => ({ ...idle, issue: current.issue }));
  }, [release]);

  const join = useCallback(
    async ({ deviceId, outputDeviceId }: VoiceJoinChoice = {}) => {
      const attempt = ++attemptRef.current;
      await release();
      setState({ ...idle, status: 'joining' });
      const stillCurrent = () => attempt === attemptRef.current;
      const fail = (issue: VoiceIssue) => {
        if (stillCurrent()) setState({ ...idle, issue });
      };

      const answer = await bridge.joinVoice({ roomCode });
      if (!stillCurrent()) return;
      if (!answer.ok) return fail(signatureIssue(answer.error));

      let adapter: VoiceAdapter;
      try {
        const context: AdapterContext = {};
        if (answer.value.vendor === 'sandbox') {
          const signalling = await bridgeSignalling(bridge, roomCode);
          if (signalling && !stillCurrent()) return signalling.release();
          if (signalling) {
            releaseChannelRef.current = signalling.release;
            context.signalling = signalling;
          }
        }
        if (!stillCurrent()) return;
        const vendor = answer.value.vendor;
        // A dropped TRTC or Chime call rejoins on its own, each time with a fresh signature.
        adapter =
          vendor === 'sandbox'
            ? await createAdapter(vendor, context)
            : createRejoiningAdapter({ create: () => createAdapter(vendor, context), params: () => freshSignature(bridge, roomCode) });
      } catch (error) {
        if (!stillCurrent()) return;
        await release();
        return fail({ problem: 'join-failed', detail: describe(error) });
      }
      if (!stillCurrent()) return;
      adapterRef.current = adapter;
      subscriptionsRef.current = [
        adapter.onLevel((level) => setState((current) => (current.level === level ? current : { ...current, level }))),
        adapter.onSpeaking((speaking) => setState((current) => ({ ...current, speaking }))),
        adapter.onRemote((remote) => setState((current) => ({ ...current, remote }))),
        ...('onReconnecting' in adapter
          ? [(adapter as RejoiningAdapter).onReconnecting((reconnecting) => setState((current) => ({ ...current, reconnecting })))]
          : []),
        adapter.onError((failure) => {
          if (!stillCurrent()) return;
          void release();
          setState({ ...idle, issue: { problem: failure.kind, ...(failure.detail ? { detail: failure.detail } : {}) } });
        }),
      ];
      try {
        await adapter.join(answer.value, { ...(deviceId ? { deviceId } : {}), ...(outputDeviceId ? { outputDeviceId } : {}) });
      } catch (error) {
        if (!stillCurrent()) return;
        await release();
        const failure = toVoiceFailure(error, 'join-failed');
        return fail({ problem: failure.kind, ...(failure.detail ? { detail: failure.detail } : {}) });
      }
      if (!stillCurrent()) {
        await adapter.leave().catch(() => undefined);
        return;
      }
      joinedRef.current = { roomCode, bridge };
      // The room shows everyone's microphone state (BUILTIN_MSG change_micro_status), as Realsee's SDK does.
      void bridge.setRoomMicrophone?.({ roomCode, open: true }).catch(() => undefined);
      setState((current) => ({ ...idle, remote: current.remote, status: 'joined', vendor: answer.value.vendor }));
    },
    [bridge, createAdapter, release, roomCode],
  );

  const setMuted = useCallback(async (muted: boolean) => {
    const adapter = adapterRef.current;
    if (!adapter) return;
    try {
      await adapter.setMuted(muted);
    } catch (error) {
      // The microphone keeps its previous state, and the button keeps showing it.
      const failure = toVoiceFailure(error, 'microphone-busy');
      setState((current) => ({ ...current, issue: { problem: failure.kind, ...(failure.detail ? { detail: failure.detail } : {}) } }));
      return;
    }
    const joined = joinedRef.current;
    if (joined) void joined.bridge.setRoomMicrophone?.({ roomCode: joined.roomCode, open: !muted }).catch(() => undefined);
    setState((current) => ({ ...current, muted, issue: null, ...(muted ? { speaking: false, level: 0 } : {}) }));
  }, []);

  /** The host closes a guest's microphone (change_micro_status addressed to them); the guest's page mutes itself. */
  const muteParticipant = useCallback(
    async (userId: string) => {
      await bridge.setRoomMicrophone?.({ roomCode, open: false, userId });
    },
    [bridge, roomCode],
  );

  const setInputDevice = useCallback(async (deviceId: string) => {
    const adapter = adapterRef.current;
    if (!adapter) return;
    try {
      await adapter.setInputDevice(deviceId);
    } catch (error) {
      const failure = toVoiceFailure(error, 'microphone-busy');
      setState((current) => ({ ...current, issue: { problem: failure.kind, ...(failure.detail ? { detail: failure.detail } : {}) } }));
    }
  }, []);

  const listInputDevices = useCallback(async () => (await adapterRef.current?.listInputDevices()) ?? [], []);

  // Leaving the room (another room code) or closing the panel leaves voice.
  useEffect(
    () => () => {
      attemptRef.current += 1;
      void release();
    },
    [roomCode, release],
  );

  const dismissIssue = useCallback(() => setState((current) => ({ ...current, issue: null })), []);

  return useMemo(
    () => ({ state, join, leave, setMuted, setInputDevice, listInputDevices, muteParticipant, dismissIssue }),
    [state, join, leave, setMuted, setInputDevice, listInputDevices, muteParticipant, dismissIssue],
  );
}

/** Refusals are Realsee saying no; anything else means the signature could not be fetched at all. */
const refusalKinds = new Set<AppError['kind']>(['gateway', 'auth', 'forbidden', 'rate-limit', 'not-found']);

function signatureIssue(error: AppError): VoiceIssue {
  return {
    problem: refusalKinds.has(error.kind) ? 'signature-refused' : 'signature-unavailable',
    detail: error.message,
    ...(error.requestId ? { requestId: error.requestId } : {}),
  };
}

/** A rejoin's signature: fetched again, as for a first join; a refusal counts as a failed attempt. */
async function freshSignature(bridge: VoiceBridge, roomCode: string) {
  const answer = await bridge.joinVoice({ roomCode });
  if (!answer.ok) throw new Error(`No voice signature (${answer.error.kind}).`);
  return answer.value;
}

function describe(error: unknown): string | undefined {
  return error instanceof VoiceFailure ? error.detail : error instanceof Error ? error.message.slice(0, 200) : undefined;
}
