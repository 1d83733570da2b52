import { GUEST_WORK_EVENT, guestWorkPayloadSchema, type GuestLink } from '../../../common/guest-link';
import type { LiveEvent, ServerEnvelope, UserInfo } from '../../../common/live-protocol';
import { createGuidedView } from '../features/tour/guided-view';
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
  let workReceived = false;
  let finished = false;
  let selfId: string | null = null;
  let users: UserInfo[] = [];

  screen.show('connecting');
  const channel = connectGuestChannel({
    url: guestSocketUrl(link),
    onEvent,
    onEnd: (reason: GuestChannelEnd) => {
      finished = true;
      guided.sync.dispose();
      voice.end();
      screen.show(reason);
    },
  });
  const guided = createGuidedView({ container: screen.view, channel, hostRole });
  const voice = createGuestVoice({
    root: screen.voiceArea,
    text: voiceText,
    channel,
    hostRole,
    onMarks: (marks) => screen.voiceMarks(marks),
  });

  function onEvent(event: LiveEvent, envelope: ServerEnvelope): void {
    guided.receive(event, envelope);
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
      await guided.show(parsed.data.work);
    } catch {
      if (!finished) screen.show('tourFailed');
      return;
    }
    if (!finished) screen.show('following');
  }
}
