import { isOnline, nicknameOf, standingOf, type UserInfo } from '../../../common/live-protocol';
import type { GuestMessages } from '../i18n/guest';
import type { GuestVoiceMark } from './guest-voice';

export type GuestState = keyof GuestMessages['state'];

/** States that end the page: nothing more will happen without a new link. */
const FINAL_HINTS: Partial<Record<GuestState, keyof GuestMessages['hint']>> = {
  refused: 'refused',
  used: 'refused',
  expired: 'refused',
  roomClosed: 'roomClosed',
  otherRoom: 'badLink',
  unknownRoom: 'refused',
  badTicket: 'badLink',
  full: 'full',
  replaced: 'replaced',
  removed: 'removed',
  disconnected: 'disconnected',
  ended: 'ended',
  badLink: 'badLink',
  noLink: 'badLink',
  tourFailed: 'tourFailed',
};

/** The guest page's DOM: the VR area, one status line (and a hint when the guest must act), who is in the room. */
export function createGuestScreen(root: HTMLElement, text: GuestMessages) {
  root.replaceChildren();
  const view = element('div', 'guest-view');
  const status = element('section', 'guest-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const stateLine = element('p', 'guest-state');
  const hintLine = element('p', 'guest-hint');
  status.append(stateLine, hintLine);
  const people = element('section', 'guest-people');
  const peopleTitle = element('h2', 'guest-people-title');
  peopleTitle.textContent = text.peopleTitle;
  const list = element('ul', 'guest-people-list');
  people.append(peopleTitle, list);
  people.hidden = true;
  const voiceArea = element('div', 'guest-voice-area');
  // Voice above the people list, both docked at the bottom, so neither covers the other as the list grows.
  const dock = element('div', 'guest-dock');
  dock.append(voiceArea, people);
  root.append(view, status, dock);
  let marks = new Map<string, GuestVoiceMark>();

  function applyMarks(): void {
    for (const item of list.querySelectorAll<HTMLLIElement>('li[data-user-id]')) {
      const mark = marks.get(item.dataset.userId ?? '');
      item.dataset.inVoice = String(mark?.inVoice ?? false);
      item.dataset.speaking = String(mark?.speaking ?? false);
      item.dataset.microphone = mark?.microphone ?? 'unknown';
      item.dataset.level = String(Math.round((mark?.level ?? 0) * 100));
      item.dataset.connection = mark?.connection ?? 'none';
      const badge = item.querySelector<HTMLSpanElement>('.guest-person-voice') ?? item.appendChild(element('span', 'guest-person-voice'));
      badge.textContent = !mark?.inVoice
        ? ''
        : mark.connection === 'lost'
          ? ` · ${text.voice.peerLost}`
          : mark.connection === 'connecting'
            ? ` · ${text.voice.connecting}`
            : mark.microphone === 'closed'
              ? ` · ${text.voice.microphoneOff}`
              : mark.speaking
                ? ` · ${text.voice.speaking}`
                : ` · ${text.voice.inVoiceShort}`;
    }
  }

  return {
    view,
    /** Where the voice controls go. */
    voiceArea,
    voiceMarks(next: Map<string, GuestVoiceMark>): void {
      marks = next;
      applyMarks();
    },
    show(state: GuestState): void {
      root.dataset.state = state;
      stateLine.textContent = text.state[state];
      const hint = FINAL_HINTS[state];
      hintLine.textContent = hint ? text.hint[hint] : '';
      hintLine.hidden = !hint;
      status.classList.toggle('guest-status-final', hint !== undefined);
    },
    people(users: readonly UserInfo[], selfId: string | null, hostRole: string): void {
      const present = users.filter((user) => standingOf(user) === 'normal' && isOnline(user) !== false);
      list.replaceChildren(
        ...present.map((user) => {
          const item = element('li', 'guest-person');
          item.dataset.userId = user.id;
          // A name is the user's own text in any script: isolated so it cannot reorder what follows.
          const name = document.createElement('bdi');
          name.textContent = nicknameOf(user) ?? text.unnamed(user.id);
          item.append(name);
          const tag = user.id === selfId ? text.you : user.user_role === hostRole ? text.guide : null;
          if (tag) item.append(' ', Object.assign(element('span', 'guest-person-tag'), { textContent: `(${tag})` }));
          return item;
        }),
      );
      people.hidden = present.length === 0;
      applyMarks();
    },
  };
}

export type GuestScreen = ReturnType<typeof createGuestScreen>;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
