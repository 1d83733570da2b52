import { GUEST_WORK_EVENT, guestWorkPayloadSchema, type GuestLink } from '../../../common/guest-link';
import type { LiveEvent, ServerEnvelope, UserInfo } from '../../../common/live-protocol';
import { createTourEngine, type TourEngine, type TourViewState } from '../features/tour/engine/index';
import { createGuidedSync, type SyncedView } from '../features/tour/sync/index';
import { connectGuestChannel, type GuestChannelEnd } from './guest-channel';
import type { GuestScreen } from './guest-screen';
import { createGuestVoice } from './guest-voice';
import type { GuestVoiceMessages } from '../i18n/guest';
import { narrowContentSecurityPolicy } from './guest-csp';
import { guestSocketUrl } from '../../../common/guest-link';

const DEFAULT_HOST_ROLE = 'anchor';

/**
 * The guest's tour: joins the room with the pass's ticket, shows who is there, loads the Work the
 * agent's app sends (renderer fetched only then) and follows the guide's view.
 */
export function startGuestTour(link: GuestLink, screen: GuestScreen, voiceText: GuestVoiceMessages): void {
  const hostRole = link.hostRole ?? DEFAULT_HOST_ROLE;
  let engine: TourEngine | null = null;
  let workReceived = false;
  let finished = false;
  let selfId: string | null = null;
  let users: UserInfo[] = [];
  const userListeners = new Set<(state: TourViewState) => void>();

  // The engine arrives only with the Work; guided viewing starts at once and keeps the latest state.
  const view: SyncedView = {
    setState: (state, options) => engine?.setState(state, options),
    onUserStateChange(listener) {
      userListeners.add(listener);
      return () => void userListeners.delete(listener);
    },
  };

  screen.show('connecting');
  const channel = connectGuestChannel({
    url: guestSocketUrl(link),
    onEvent,
    onEnd: (reason: GuestChannelEnd) => {
      finished = true;
      sync.dispose();
      voice.end();
      screen.show(reason);
    },
  });
  const sync = createGuidedSync({ view, channel, hostRole });
  const voice = createGuestVoice({ root: screen.voiceArea, text: voiceText, channel, onMarks: (marks) => screen.voiceMarks(marks) });

  function onEvent(event: LiveEvent, envelope: ServerEnvelope): void {
    sync.receive(event, envelope);
    voice.receive(event, envelope);
    switch (event.type) {
      case 'ROOM_INFO':
        if (!workReceived) screen.show('waiting');
        return;
      case 'SELF_USER_INFO':
        selfId = event.user.id;
        return screen.people(users, selfId, hostRole);
      case 'USER_LIST':
        users = event.users;
        return screen.people(users, selfId, hostRole);
      case 'CUSTOM_EVENT':
        if (event.eventId === GUEST_WORK_EVENT && !workReceived) void showWork(event.payload, link.roomLink);
        return;
      default:
        return;
    }
  }

  async function showWork(payload: unknown, roomLink: string): Promise<void> {
    const parsed = guestWorkPayloadSchema.safeParse(payload);
    if (!parsed.success) return;
    workReceived = true;
    narrowContentSecurityPolicy(new URL(roomLink).origin.replace(/^http/, 'ws'), parsed.data.resourceOrigins);
    screen.show('loadingTour');
    try {
      engine = await createTourEngine(screen.view);
      await engine.load(parsed.data.work, sync.startState() ?? undefined);
    } catch {
      if (!finished) screen.show('tourFailed');
      return;
    }
    engine.onUserStateChange((state) => userListeners.forEach((listener) => listener(state)));
    if (!finished) screen.show('following');
  }
}
