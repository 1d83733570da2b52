import {
  builtinActions,
  builtinEvents,
  microphoneOf,
  type LiveEvent,
  type ServerEnvelope,
  type UserInfo,
} from '../../../common/live-protocol';
import { parseVoiceSignal, VOICE_SIGNAL_EVENT, type VoiceSignal } from '../../../common/voice-signal';
import type { JoinVoiceOutput } from '../../../common/voice';
import { GUEST_VOICE_SIGN_EVENT } from '../../../common/guest-link';
import { createVendorAdapter as loadVendorAdapter } from '../features/voice/vendor-adapter-loader';
import { toVoiceFailure } from '../features/voice/media-errors';
import { createSandboxAdapter, type MeshSignalling } from '../features/voice/sandbox-adapter';
import { createRejoiningAdapter, VOICE_REJOIN_ATTEMPTS, type RejoiningAdapterOptions } from '../features/voice/rejoining-adapter';
import { VoiceFailure, type RemoteVoiceParticipant, type VoiceAdapter, type VoiceFailureKind } from '../features/voice/voice-adapter';
import type { GuestVoiceMessages } from '../i18n/guest';
import type { GuestChannel } from './guest-channel';

/** How each person in the room shows in voice; the people list draws it (guest-screen.ts). */
export interface GuestVoiceMark {
  inVoice: boolean;
  speaking: boolean;
  level: number;
  microphone: 'open' | 'closed' | null;
  connection: RemoteVoiceParticipant['connection'] | null;
}

export interface GuestVoiceOptions {
  root: HTMLElement;
  text: GuestVoiceMessages;
  channel: Pick<GuestChannel, 'sendCustomEvent' | 'setMicrophone'>;
  /** Redraws the people list's voice marks, by live channel user id. */
  onMarks(marks: Map<string, GuestVoiceMark>): void;
  createAdapter?: (signalling: MeshSignalling) => VoiceAdapter;
  /** TRTC and Chime rooms: the vendor's adapter, its SDK fetched only then (a lazy chunk). */
  createVendorAdapter?: (vendor: VendorRoom['vendor']) => Promise<VoiceAdapter>;
  /** The room's host role: only a user of that role may hand the page its voice signature. */
  hostRole: string;
  /** How long a vendor may take to let the page into its room before it counts as unreachable. */
  vendorJoinTimeoutMs?: number;
  /** A dropped TRTC or Chime call's rejoins (their waits); the defaults in tests are replaced. */
  rejoin?: Pick<RejoiningAdapterOptions, 'wait' | 'policy' | 'maxAttempts'>;
}

type GuestVoiceStatus = 'idle' | 'joining' | 'joined';
export type GuestVoiceProblem = VoiceFailureKind | 'vendor-unreachable' | 'unavailable';

/** A TRTC or Chime room, known once the agent's app sent this guest its signature (or said it has none). */
interface VendorRoom {
  vendor: 'trtc' | 'chime';
  params: JoinVoiceOutput | null;
}

const VENDOR_JOIN_TIMEOUT_MS = 20_000;
const MICROPHONE_PROBLEMS: ReadonlySet<GuestVoiceProblem> = new Set(['no-microphone', 'permission-denied', 'microphone-busy']);

/**
 * The guest page's voice: the sandbox's WebRTC mesh signalled over the page's own channel, or in a
 * TRTC or Chime room that vendor's SDK, joined with the signature the agent's app fetched in this
 * guest's name (kept in memory only, never shown or stored). Joining
 * needs a tap (browsers open the microphone only after one); the page announces its microphone
 * state (change_micro_status) and mutes itself when the guide closes its microphone.
 */
export function createGuestVoice(options: GuestVoiceOptions) {
  const { text, channel } = options;
  const createAdapter = options.createAdapter ?? ((signalling) => createSandboxAdapter({ signalling }));
  const createVendorAdapter = options.createVendorAdapter ?? loadVendorAdapter;
  const vendorJoinTimeoutMs = options.vendorJoinTimeoutMs ?? VENDOR_JOIN_TIMEOUT_MS;
  let vendorRoom: VendorRoom | null = null;
  /** RTC_INFO named TRTC or Chime: the page waits for the agent's app's word before it may join. */
  let namedVendor: VendorRoom['vendor'] | null = null;
  /** The agent's app said this room's voice is the sandbox's mesh (its RTC_INFO names a vendor all the same). */
  let meshByApp = false;
  let pendingSign: { from: string; payload: unknown } | null = null;
  const signalListeners = new Set<(from: string, signal: VoiceSignal) => void>();
  const leftListeners = new Set<(userId: string) => void>();
  let selfId: string | null = null;
  let users: UserInfo[] = [];
  let remote: RemoteVoiceParticipant[] = [];
  let adapter: VoiceAdapter | null = null;
  let status: GuestVoiceStatus = 'idle';
  let muted = false;
  let speaking = false;
  let note: 'mutedByGuide' | null = null;
  let problem: GuestVoiceProblem | null = null;
  let ended = false;
  /** TRTC and Chime: rejoin number N after the vendor dropped the call. */
  let reconnecting: number | null = null;
  /** A rejoin found the page's signature expired: only the agent can send a new link. */
  let signatureExpired = false;

  const section = element('section', 'guest-voice');
  section.setAttribute('aria-label', text.title);
  const line = element('p', 'guest-voice-state');
  line.setAttribute('aria-live', 'polite');
  const problemLine = element('p', 'guest-voice-problem');
  problemLine.setAttribute('role', 'alert');
  const joinButton = button('guest-voice-join', () => void (status === 'joined' ? leave() : join()));
  const muteButton = button('guest-voice-mute', () => void setMuted(!muted));
  const actions = element('div', 'guest-voice-actions');
  actions.append(joinButton, muteButton);
  section.append(line, actions, problemLine);
  options.root.append(section);
  render();

  const signalling = (): MeshSignalling => ({
    selfId: selfId!,
    transport: {
      send(toUserId, signal) {
        try {
          channel.sendCustomEvent(VOICE_SIGNAL_EVENT, signal, toUserId === null ? [] : [toUserId]);
        } catch {
          // The channel is gone; the page shows that on its own.
        }
      },
      onSignal(listener) {
        signalListeners.add(listener);
        return () => void signalListeners.delete(listener);
      },
    },
    onPeerLeft(listener) {
      leftListeners.add(listener);
      return () => void leftListeners.delete(listener);
    },
  });

  async function join(): Promise<void> {
    if (status !== 'idle' || selfId === null || ended || awaitingWord()) return;
    if (vendorRoom) return joinVendor(vendorRoom);
    status = 'joining';
    problem = null;
    note = null;
    render();
    const current = createAdapter(signalling());
    follow(current, (kind) => kind);
    try {
      await current.join(null);
    } catch (error) {
      if (adapter === current) await leave(toVoiceFailure(error, 'join-failed').kind);
      return;
    }
    if (adapter !== current) return;
    status = 'joined';
    muted = false;
    announceMicrophone(true);
    render();
  }

  /** Makes `current` the page's adapter: its people, speaking and failures (read as `problemOf`) show while it is. */
  function follow(current: VoiceAdapter, problemOf: (kind: VoiceFailureKind) => GuestVoiceProblem): void {
    adapter = current;
    current.onRemote((list) => {
      remote = list;
      publishMarks();
    });
    current.onSpeaking((value) => {
      speaking = value;
      publishMarks();
    });
    current.onError((failure) => {
      if (adapter !== current) return;
      void leave(problemOf(failure.kind));
    });
  }

  async function joinVendor(room: VendorRoom): Promise<void> {
    // No expiry check here: main's `expiresAt` is a guess when the answer names none; the vendor decides.
    if (room.params === null) {
      problem = 'unavailable';
      return render();
    }
    const params = room.params;
    status = 'joining';
    problem = null;
    note = null;
    render();
    let first: VoiceAdapter;
    try {
      first = await createVendorAdapter(room.vendor);
    } catch {
      status = 'idle';
      problem = 'join-failed';
      return render();
    }
    if (status !== 'joining' || ended) return;
    let created = 0;
    // A dropped call rejoins with the page's own signature while it lasts; a new one only the agent's app can send.
    const current = createRejoiningAdapter({
      ...options.rejoin,
      create: async () => (created++ === 0 ? first : createVendorAdapter(room.vendor)),
      params: async () => {
        if (Date.now() < params.expiresAt) return params;
        signatureExpired = true;
        throw new VoiceFailure('join-failed', 'The voice signature expired.');
      },
    });
    current.onReconnecting((attempt) => {
      reconnecting = attempt;
      render();
    });
    follow(current, vendorProblem);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // Offline, or with the vendor's servers blocked, an SDK may retry for a long time: the page says so instead.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), vendorJoinTimeoutMs);
      });
      await Promise.race([current.join(params), timeout]);
    } catch (error) {
      if (adapter === current) await leave(vendorProblem(toVoiceFailure(error, 'join-failed').kind));
      return;
    } finally {
      clearTimeout(timer);
    }
    if (adapter !== current) return;
    status = 'joined';
    muted = false;
    announceMicrophone(true);
    render();
  }

  /**
   * Which voice the room has: a signature or "unavailable" from the agent's app means TRTC or Chime, its
   * "mesh" means the sandbox's mesh. Before either, RTC_INFO naming TRTC or Chime means a word is
   * coming, and the page waits for it: joining the mesh there would leave the guest alone.
   */
  function awaitingWord(): boolean {
    return namedVendor !== null && vendorRoom === null && !meshByApp;
  }

  function vendorProblem(kind: VoiceFailureKind): GuestVoiceProblem {
    if (signatureExpired) return 'unavailable';
    return MICROPHONE_PROBLEMS.has(kind) ? kind : 'vendor-unreachable';
  }

  /** The agent's app sent this guest its voice signature (or word that there is none). Decoders load only then. */
  async function onVoiceSign(payload: unknown): Promise<void> {
    if (vendorRoom?.params) return;
    const { readGuestVoiceSign } = await import('../../../common/guest-voice-sign');
    const read = readGuestVoiceSign(payload, selfId);
    if (read === null || vendorRoom?.params || ended) return;
    if (read.vendor === 'sandbox') {
      if (vendorRoom === null) meshByApp = true;
      return render();
    }
    vendorRoom = { vendor: read.vendor, params: read.params };
    section.dataset.voiceVendor = read.vendor;
    if (read.params) section.dataset.voiceUser = read.params.userId;
    else delete section.dataset.voiceUser;
    if (read.params === null) problem = 'unavailable';
    render();
  }

  /**
   * Only the guide (a user of the host's role) may hand the page its signature. One that arrives
   * before this page knows who it is or who sent it waits for the next SELF_USER_INFO or USER_LIST.
   */
  function takePendingSign(): void {
    if (pendingSign === null || selfId === null) return;
    const sender = users.find((user) => user.id === pendingSign!.from);
    if (sender === undefined) return;
    const { payload } = pendingSign;
    pendingSign = null;
    if (sender.user_role === options.hostRole) void onVoiceSign(payload);
  }

  async function leave(reason: GuestVoiceProblem | null = null): Promise<void> {
    const current = adapter;
    adapter = null;
    const wasJoined = status === 'joined';
    status = 'idle';
    muted = false;
    speaking = false;
    reconnecting = null;
    remote = [];
    problem = reason;
    render();
    await current?.leave().catch(() => undefined);
    if (wasJoined && !ended) announceMicrophone(false);
  }

  async function setMuted(next: boolean, byGuide = false): Promise<void> {
    if (!adapter || status !== 'joined') return;
    await adapter.setMuted(next);
    muted = next;
    note = byGuide && next ? 'mutedByGuide' : null;
    if (next) speaking = false;
    // The guide's close already set the room's state; the page only echoes its own choices.
    if (!byGuide) announceMicrophone(!next);
    render();
  }

  function announceMicrophone(open: boolean): void {
    try {
      channel.setMicrophone(open);
    } catch {
      // The channel is gone; nothing to announce to.
    }
  }

  function render(): void {
    section.dataset.voiceStatus = status;
    section.dataset.muted = String(muted);
    joinButton.textContent = status === 'joined' ? text.leave : status === 'joining' ? text.joining : text.join;
    joinButton.disabled = status === 'joining' || selfId === null || ended || awaitingWord();
    muteButton.hidden = status !== 'joined';
    muteButton.textContent = muted ? text.unmute : text.mute;
    muteButton.setAttribute('aria-pressed', String(muted));
    section.dataset.voiceReady = String(!awaitingWord());
    line.textContent =
      status !== 'joined'
        ? awaitingWord()
          ? text.gettingReady
          : text.notInVoice
        : reconnecting !== null
          ? text.reconnecting(reconnecting, VOICE_REJOIN_ATTEMPTS)
          : note === 'mutedByGuide'
            ? text.mutedByGuide
            : muted
              ? text.muted
              : text.inVoice;
    problemLine.textContent = problem ? text.problem[problem] : '';
    problemLine.hidden = problem === null;
    section.hidden = ended;
    publishMarks();
  }

  function publishMarks(): void {
    const marks = new Map<string, GuestVoiceMark>();
    for (const user of users) {
      marks.set(user.id, { inVoice: false, speaking: false, level: 0, microphone: microphoneOf(user), connection: null });
    }
    for (const participant of remote) {
      marks.set(participant.userId, {
        inVoice: true,
        speaking: participant.speaking,
        level: participant.level,
        microphone: marks.get(participant.userId)?.microphone ?? null,
        connection: participant.connection,
      });
    }
    if (selfId !== null) {
      const joined = status === 'joined';
      marks.set(selfId, {
        inVoice: joined,
        speaking: joined && !muted && speaking,
        level: 0,
        microphone: joined ? (muted ? 'closed' : 'open') : (marks.get(selfId)?.microphone ?? null),
        connection: null,
      });
    }
    options.onMarks(marks);
  }

  return {
    /** Every event of the page's channel. */
    receive(event: LiveEvent, envelope: ServerEnvelope): void {
      switch (event.type) {
        case 'SELF_USER_INFO':
          selfId = event.user.id;
          takePendingSign();
          return render();
        case 'USER_LIST': {
          const present = new Set(event.users.map((user) => user.id));
          const gone = users.filter((user) => !present.has(user.id)).map((user) => user.id);
          users = event.users;
          for (const userId of gone) leftListeners.forEach((listener) => listener(userId));
          takePendingSign();
          return publishMarks();
        }
        case 'RTC_INFO': {
          const named = event.vendor?.trim().toLowerCase();
          namedVendor = named === 'trtc' || named === 'chime' ? named : null;
          return render();
        }
        case 'CUSTOM_EVENT': {
          if (event.eventId === GUEST_VOICE_SIGN_EVENT) {
            if (!envelope.trigger_user_id) return;
            pendingSign = { from: envelope.trigger_user_id, payload: event.payload };
            return takePendingSign();
          }
          if (event.eventId !== VOICE_SIGNAL_EVENT || !envelope.trigger_user_id) return;
          const signal = parseVoiceSignal(event.payload);
          const from = envelope.trigger_user_id;
          if (signal) signalListeners.forEach((listener) => listener(from, signal));
          return;
        }
        case 'BUILTIN_MSG':
          if (isCloseOfMyMicrophone(event, envelope, selfId)) void setMuted(true, true);
          return;
        default:
          return;
      }
    },
    /** The channel is over: voice ends with it. */
    end(): void {
      ended = true;
      vendorRoom = vendorRoom && { vendor: vendorRoom.vendor, params: null };
      void leave();
    },
    selfId: () => selfId,
  };
}

export type GuestVoice = ReturnType<typeof createGuestVoice>;

function isCloseOfMyMicrophone(
  event: Extract<LiveEvent, { type: 'BUILTIN_MSG' }>,
  envelope: ServerEnvelope,
  selfId: string | null,
): boolean {
  if (selfId === null || envelope.trigger_user_id === selfId) return false;
  if (event.eventType !== builtinEvents.userChange || event.action !== builtinActions.changeMicroStatus) return false;
  const status = typeof event.payload === 'object' && event.payload !== null ? (event.payload as { status?: unknown }).status : undefined;
  return status === 'CLOSE' && event.toUserIds.includes(selfId);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function button(className: string, onClick: () => void): HTMLButtonElement {
  const node = element('button', className);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}
