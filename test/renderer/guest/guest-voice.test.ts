import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverFrame, type LiveEvent, type UserInfo } from '../../../common/live-protocol';
import { GUEST_VOICE_SIGN_EVENT, type GuestVoiceSignPayload } from '../../../common/guest-voice-sign';
import { Listeners } from '../../../renderer/src/features/voice/listeners';
import { VOICE_REJOIN_ATTEMPTS } from '../../../renderer/src/features/voice/rejoining-adapter';
import { VoiceFailure, type VoiceAdapter, type VoiceJoinParams } from '../../../renderer/src/features/voice/voice-adapter';
import { createGuestVoice, type GuestVoiceOptions } from '../../../renderer/src/guest/guest-voice';
import { guestEn, guestZhCN } from '../../../renderer/src/i18n/guest';

/** Just enough of the DOM for the voice section: elements with classes, text, data and clicks. */
class FakeElement extends EventTarget {
  className = '';
  textContent = '';
  hidden = false;
  disabled = false;
  type = '';
  dataset: Record<string, string> = {};
  children: FakeElement[] = [];
  setAttribute(): void {}
  append(...nodes: FakeElement[]): void {
    this.children.push(...nodes);
  }
  find(className: string): FakeElement {
    const stack: FakeElement[] = [this];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.className === className) return node;
      stack.push(...node.children);
    }
    throw new Error(`no .${className}`);
  }
}

const host: UserInfo = { id: 'agent', user_role: 'anchor', current_ws_online: true };
const me: UserInfo = { id: 'client-zhang', user_role: 'audience', current_ws_online: true };
const other: UserInfo = { id: 'client-li', user_role: 'audience', current_ws_online: true };
const signed: GuestVoiceSignPayload = {
  status: 'signed',
  roomCode: 'RC1',
  vendor: 'trtc',
  vendorSource: 'rtc-info',
  voiceId: '42',
  voiceAppId: '1400000001',
  userIdentifier: 'client-zhang',
  sign: 'eJw-SECRET-SIG',
  obtainedAt: Date.now(),
  expiresAt: Date.now() + 3_600_000,
};

function fakeAdapter(join: (params: VoiceJoinParams | null) => Promise<void> = async () => undefined) {
  const adapter = {
    join: vi.fn(join),
    leave: vi.fn(async () => undefined),
    setMuted: vi.fn(async () => undefined),
    setInputDevice: vi.fn(async () => undefined),
    listInputDevices: vi.fn(async () => []),
    onLevel: () => () => undefined,
    onSpeaking: () => () => undefined,
    onError: () => () => undefined,
    onRemote: () => () => undefined,
  } satisfies VoiceAdapter;
  return adapter;
}

function setup(vendorAdapter: VoiceAdapter = fakeAdapter(), options: Pick<GuestVoiceOptions, 'vendorJoinTimeoutMs' | 'rejoin'> = {}) {
  const root = new FakeElement();
  const channel = { sendCustomEvent: vi.fn(), setMicrophone: vi.fn() };
  const meshAdapter = fakeAdapter();
  const createVendorAdapter = vi.fn(async (_vendor: 'trtc' | 'chime') => vendorAdapter);
  const createAdapter = vi.fn(() => meshAdapter as VoiceAdapter);
  const voice = createGuestVoice({
    root: root as unknown as HTMLElement,
    text: guestEn.voice,
    channel,
    hostRole: 'anchor',
    onMarks: () => undefined,
    createAdapter,
    createVendorAdapter,
    ...options,
  });
  const deliver = (event: LiveEvent, from = '') =>
    voice.receive(
      event,
      serverFrame({ appId: '1', command: event.type, data: null, requestId: 'r', roomCode: 'RC1', triggerUserId: from }),
    );
  deliver({ type: 'SELF_USER_INFO', user: me });
  deliver({ type: 'USER_LIST', users: [host, me, other] });
  const section = root.find('guest-voice');
  return {
    voice,
    channel,
    meshAdapter,
    createAdapter,
    createVendorAdapter,
    section,
    deliver,
    problem: () => section.find('guest-voice-problem').textContent,
    sign: (payload: unknown, from = 'agent') =>
      deliver({ type: 'CUSTOM_EVENT', eventId: GUEST_VOICE_SIGN_EVENT, payload, toUserIds: [me.id] }, from),
    tapJoin: () => section.find('guest-voice-join').dispatchEvent(new Event('click')),
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

beforeEach(() => {
  vi.stubGlobal('document', { createElement: () => new FakeElement() });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('guest page voice in TRTC and Chime rooms', () => {
  it('joins with the vendor adapter and the parameters decoded from its own signature', async () => {
    const adapter = fakeAdapter();
    const page = setup(adapter);
    page.sign(signed);
    await settle();
    expect(page.section.dataset.voiceVendor).toBe('trtc');
    expect(page.section.dataset.voiceUser).toBe('client-zhang');
    page.tapJoin();
    await settle();
    expect(page.createVendorAdapter).toHaveBeenCalledWith('trtc');
    expect(page.createAdapter).not.toHaveBeenCalled();
    expect(adapter.join).toHaveBeenCalledWith(
      expect.objectContaining({ vendor: 'trtc', userId: 'client-zhang', sdkAppId: 1_400_000_001, roomId: 42, userSig: 'eJw-SECRET-SIG' }),
      {},
    );
    expect(page.section.dataset.voiceStatus).toBe('joined');
    expect(page.channel.setMicrophone).toHaveBeenCalledWith(true);
  });

  it('ignores a signature sent by anyone but the guide, and keeps the sandbox mesh', async () => {
    const page = setup();
    page.sign(signed, 'client-li');
    await settle();
    expect(page.section.dataset.voiceVendor).toBeUndefined();
    page.tapJoin();
    await settle();
    expect(page.createVendorAdapter).not.toHaveBeenCalled();
    expect(page.meshAdapter.join).toHaveBeenCalledWith(null);
  });

  it('takes a signature that arrives before the page knows its guide once the user list names the guide', async () => {
    const page = setup();
    const late: UserInfo = { id: 'agent-2', user_role: 'anchor', current_ws_online: true };
    page.sign(signed, 'agent-2');
    await settle();
    expect(page.section.dataset.voiceVendor).toBeUndefined();
    page.deliver({ type: 'USER_LIST', users: [host, late, me, other] });
    await settle();
    expect(page.section.dataset.voiceUser).toBe('client-zhang');
  });

  it('says voice is unavailable when the agent’s app has no signature for it, or the one sent is not its own', async () => {
    const page = setup();
    page.sign({ status: 'unavailable', vendor: 'trtc' });
    await settle();
    expect(page.problem()).toBe(guestEn.voice.problem.unavailable);
    page.tapJoin();
    await settle();
    expect(page.createVendorAdapter).not.toHaveBeenCalled();
    expect(page.problem()).toBe(guestEn.voice.problem.unavailable);

    const second = setup();
    second.sign({ ...signed, userIdentifier: 'client-li' });
    await settle();
    expect(second.problem()).toBe(guestEn.voice.problem.unavailable);
  });

  it('ends in "vendor unreachable" when the vendor never answers, or refuses, and leaves its room', async () => {
    const hanging = fakeAdapter(() => new Promise<void>(() => undefined));
    const page = setup(hanging, { vendorJoinTimeoutMs: 20 });
    page.sign(signed);
    await settle();
    page.tapJoin();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle();
    expect(page.problem()).toBe(guestEn.voice.problem['vendor-unreachable']);
    expect(page.section.dataset.voiceStatus).toBe('idle');
    expect(hanging.leave).toHaveBeenCalled();

    const refusing = setup(fakeAdapter(async () => Promise.reject(new Error('ERR_NETWORK'))));
    refusing.sign(signed);
    await settle();
    refusing.tapJoin();
    await settle();
    expect(refusing.problem()).toBe(guestEn.voice.problem['vendor-unreachable']);
  });

  it('in a room whose RTC_INFO names a vendor, waits for its signature before Join, never joining the mesh', async () => {
    const adapter = fakeAdapter();
    const page = setup(adapter);
    page.deliver({ type: 'RTC_INFO', voiceId: '42', vendor: 'trtc' });
    const join = page.section.find('guest-voice-join');
    const line = page.section.find('guest-voice-state');
    expect(line.textContent).toBe(guestEn.voice.gettingReady);
    expect(join.disabled).toBe(true);
    page.tapJoin();
    await settle();
    expect(page.createAdapter).not.toHaveBeenCalled();
    expect(page.createVendorAdapter).not.toHaveBeenCalled();

    page.sign(signed);
    await settle();
    expect(join.disabled).toBe(false);
    expect(line.textContent).toBe(guestEn.voice.notInVoice);
    page.tapJoin();
    await settle();
    expect(page.createAdapter).not.toHaveBeenCalled();
    expect(adapter.join).toHaveBeenCalledWith(expect.objectContaining({ vendor: 'trtc', userId: 'client-zhang' }), {});
  });

  it('stops waiting when the agent’s app says voice is unavailable, or that the room uses the mesh', async () => {
    const unavailable = setup();
    unavailable.deliver({ type: 'RTC_INFO', voiceId: '42', vendor: 'chime' });
    unavailable.sign({ status: 'unavailable', vendor: 'chime' });
    await settle();
    expect(unavailable.section.find('guest-voice-state').textContent).toBe(guestEn.voice.notInVoice);
    expect(unavailable.problem()).toBe(guestEn.voice.problem.unavailable);

    const mesh = setup();
    mesh.deliver({ type: 'RTC_INFO', voiceId: '42', vendor: 'trtc' });
    mesh.sign({ status: 'mesh' });
    await settle();
    expect(mesh.section.find('guest-voice-join').disabled).toBe(false);
    mesh.tapJoin();
    await settle();
    expect(mesh.createVendorAdapter).not.toHaveBeenCalled();
    expect(mesh.meshAdapter.join).toHaveBeenCalledWith(null);
  });

  it('has the waiting words in Simplified Chinese too', () => {
    expect(guestZhCN.voice.gettingReady).toBe('正在准备语音…');
  });

  it('rejoins a dropped TRTC call with its own signature, saying so, and asks for a new link once it expired', async () => {
    const errors = new Listeners<VoiceFailure>();
    const first = { ...fakeAdapter(), onError: (listener: (failure: VoiceFailure) => void) => errors.add(listener) };
    const second = fakeAdapter();
    const waits: number[] = [];
    let release = () => undefined as void;
    const page = setup(first, { rejoin: { wait: (ms) => (waits.push(ms), new Promise<void>((resolve) => (release = resolve))) } });
    page.createVendorAdapter.mockResolvedValueOnce(first).mockResolvedValueOnce(second);
    page.sign(signed);
    await settle();
    page.tapJoin();
    await settle();
    errors.emit(new VoiceFailure('disconnected', 'CONNECTION_STATE_CHANGED DISCONNECTED'));
    await settle();
    expect(page.section.find('guest-voice-state').textContent).toBe(guestEn.voice.reconnecting(1, VOICE_REJOIN_ATTEMPTS));
    expect(waits).toEqual([2_000]);
    expect(first.leave).toHaveBeenCalled();
    release();
    await settle();
    expect(second.join).toHaveBeenCalledWith(expect.objectContaining({ userSig: 'eJw-SECRET-SIG' }), {});
    expect(page.section.find('guest-voice-state').textContent).toBe(guestEn.voice.inVoice);

    const expiredErrors = new Listeners<VoiceFailure>();
    const dropping = { ...fakeAdapter(), onError: (listener: (failure: VoiceFailure) => void) => expiredErrors.add(listener) };
    const expiring = setup(dropping, { rejoin: { wait: async () => undefined } });
    expiring.sign({ ...signed, expiresAt: Date.now() + 30 });
    await settle();
    expiring.tapJoin();
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expiredErrors.emit(new VoiceFailure('disconnected'));
    await settle();
    expect(expiring.createVendorAdapter).toHaveBeenCalledTimes(1);
    expect(expiring.section.dataset.voiceStatus).toBe('idle');
    expect(expiring.problem()).toBe(guestEn.voice.problem.unavailable);
  });

  it('keeps a microphone problem as such', async () => {
    const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    const page = setup(fakeAdapter(async () => Promise.reject(denied)));
    page.sign(signed);
    await settle();
    page.tapJoin();
    await settle();
    expect(page.problem()).toBe(guestEn.voice.problem['permission-denied']);
  });
});
