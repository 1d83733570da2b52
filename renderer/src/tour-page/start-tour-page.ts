import type { RoomdeskTourBridge, TourChannelMessage, TourCommand } from '../../../common/contract/tour';
import type { LiveEvent } from '../../../common/live-protocol';
import { TourEngineError } from '../features/tour/engine/index';
import { createGuidedView, type GuidedView } from '../features/tour/guided-view';
import type { SyncChannel } from '../features/tour/sync/index';
import { tourEn, tourZhCN } from '../i18n/tour';

/**
 * The agent's tour view: the same guided view as the guest page, driven through `window.roomdeskTour`
 * instead of a socket of its own. Main relays the room's channel (the room as it stands first, so a
 * late open starts from `last_frame`) and hand-over commands; the page sends its keyframes back and
 * reports what it shows and who leads. It holds no ticket, link or token.
 */
export async function startTourPage(bridge: RoomdeskTourBridge, root: HTMLElement): Promise<void> {
  const viewArea = Object.assign(document.createElement('div'), { className: 'tour-page-view' });
  const status = Object.assign(document.createElement('p'), { className: 'tour-page-status' });
  status.setAttribute('role', 'status');
  root.replaceChildren(viewArea, status);
  const show = (phase: 'loading' | 'showing' | 'failed', text: string) => {
    root.dataset.phase = phase;
    status.textContent = text;
    status.hidden = phase === 'showing';
  };

  let guided: GuidedView | null = null;
  const early: TourChannelMessage[] = [];
  // Subscribed before asking for the Work: main replays the room right after answering.
  bridge.onChannelEvent((message) => {
    if (guided) guided.receive(message.event as LiveEvent, message.envelope);
    else early.push(message);
  });
  bridge.onCommand((command) => runCommand(command));

  const answer = await bridge.ready();
  if (!answer.ok) return show('failed', tourEn.page.failed);
  const { work, hostRole, locale } = answer.value;
  const text = locale === 'zh-CN' ? tourZhCN : tourEn;
  document.documentElement.lang = locale;
  show('loading', text.page.loading);

  const channel: SyncChannel = {
    sendKeyframe: (frames) => void bridge.sendKeyframe({ frames }),
    setSyncFramePermission: (userId, allowed) => void bridge.setSyncFramePermission({ userId, allowed }),
  };
  guided = createGuidedView({ container: viewArea, channel, hostRole });
  for (const message of early.splice(0)) guided.receive(message.event as LiveEvent, message.envelope);

  let phase: 'loading' | 'showing' | 'failed' = 'loading';
  const report = (failure: { reason: string; message: string } | null = null) =>
    void bridge.report({ phase, failure, leadership: guided?.sync.leadership() ?? null });
  guided.sync.onLeadershipChange(() => report());
  report();

  try {
    await guided.show(work);
  } catch (error) {
    phase = 'failed';
    show('failed', text.page.failed);
    const reason = error instanceof TourEngineError ? error.reason : 'load-failed';
    return report({ reason, message: text.page.failed });
  }
  phase = 'showing';
  show('showing', '');
  report();

  function runCommand(command: TourCommand): void {
    if (!guided) return;
    try {
      if (command.type === 'handOver') guided.sync.handOver(command.userId);
      else guided.sync.takeBack();
    } catch {
      // Only the host may hand over; a command for a guest's view has nothing to do.
    }
  }
}
