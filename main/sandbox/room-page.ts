import { escapeHtml, PAGE_STYLE } from './html';
import type { TicketRefusal } from './tickets';
import type { JoinRefusal } from './rooms';

export type RoomPageError = TicketRefusal | JoinRefusal | 'room-not-found';

const ERROR_TEXT: Record<RoomPageError, string> = {
  'ticket-missing': 'This link has no ticket. Ask for a new invitation link.',
  'ticket-invalid': 'This ticket is not valid.',
  'ticket-foreign': 'This ticket belongs to another room.',
  'ticket-used': 'This ticket was already used. Each ticket works once; ask for a new link.',
  'ticket-expired': 'This ticket has expired. Ask for a new invitation link.',
  'room-closed': 'This room has ended.',
  'room-full': 'This room is full.',
  'room-not-found': 'There is no room with this code.',
};

export function roomErrorPage(error: RoomPageError, roomCode: string): string {
  return page(
    'Cannot enter the room',
    `<h1>Cannot enter room <code>${escapeHtml(roomCode)}</code></h1>
     <p class="error" data-room-error="${error}">${escapeHtml(ERROR_TEXT[error])}</p>`,
  );
}

export interface RoomView {
  roomCode: string;
  sessionId: string;
  self: { displayName: string; role: string };
  isHost: boolean;
  others: ReadonlyArray<{ displayName: string; role: string }>;
}

export function roomPage(view: RoomView): string {
  const others =
    view.others.length === 0
      ? '<li data-nobody>Nobody else is here yet.</li>'
      : view.others.map((other) => `<li>${escapeHtml(other.displayName)} (${escapeHtml(other.role)})</li>`).join('');
  const endButton = view.isHost ? '<p><button type="button" data-room-end>End room</button></p>' : '';
  return page(
    `Viewing room ${view.roomCode}`,
    `<h1>Viewing room <code data-room-code>${escapeHtml(view.roomCode)}</code></h1>
     <p data-room-self>You are in the room as ${escapeHtml(view.self.displayName)} (${escapeHtml(view.self.role)})</p>
     <h2>Also in the room</h2>
     <ul data-room-others>${others}</ul>
     ${endButton}
     <p data-room-state class="note">Sandbox room: no VR or voice is streamed here.</p>
     <script>${presenceScript(view.roomCode, view.sessionId)}</script>`,
    view.sessionId,
  );
}

function page(title: string, content: string, sessionId?: string): string {
  const sessionAttribute = sessionId === undefined ? '' : ` data-session="${escapeHtml(sessionId)}"`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${PAGE_STYLE}</style></head>
<body${sessionAttribute}><main>${content}</main></body></html>`;
}

/** Polls presence, shows the end of the room, and lets the host end it. */
function presenceScript(roomCode: string, sessionId: string): string {
  const base = JSON.stringify(`/room/${encodeURIComponent(roomCode)}`);
  const session = JSON.stringify(sessionId);
  return `
(() => {
  const base = ${base}, session = ${session};
  const others = document.querySelector('[data-room-others]');
  const state = document.querySelector('[data-room-state]');
  const endButton = document.querySelector('[data-room-end]');
  let timer;
  function ended(text) {
    clearInterval(timer);
    state.textContent = text;
    others.replaceChildren();
    state.setAttribute('data-room-ended', '');
    if (endButton) endButton.remove();
  }
  async function refresh() {
    try {
      const answer = await (await fetch(base + '/presence?session=' + encodeURIComponent(session))).json();
      if (answer.code !== 0) { ended('You are no longer in this room (' + answer.status + ').'); return; }
      if (answer.data.status === 2) { ended('This room has ended.'); return; }
      others.replaceChildren(...(answer.data.others.length ? answer.data.others.map((o) => {
        const li = document.createElement('li'); li.textContent = o.name + ' (' + o.role + ')'; return li;
      }) : [Object.assign(document.createElement('li'), { textContent: 'Nobody else is here yet.' })]));
    } catch { /* the sandbox may be restarting; try again on the next tick */ }
  }
  if (endButton) endButton.addEventListener('click', async () => {
    endButton.disabled = true;
    const answer = await (await fetch(base + '/close', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session }) })).json();
    if (answer.code === 0) ended('This room has ended.'); else { endButton.disabled = false; state.textContent = answer.status; }
  });
  addEventListener('pagehide', () => navigator.sendBeacon(base + '/leave', new Blob([JSON.stringify({ session })], { type: 'application/json' })));
  timer = setInterval(refresh, 2000);
})();`;
}
