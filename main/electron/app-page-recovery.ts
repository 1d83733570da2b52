import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import { createReloadBudget } from '../lifecycle/reload-budget';

export interface AppPageRecoveryOptions {
  /** Closes the embedded room viewer, whose view would otherwise stay on top of the dead page. */
  closeViewer: () => void;
  /** Lets go of everything the page held (its live channel holds): a page that reloads or died holds nothing. */
  releasePageHolds: () => void;
  report: (what: string, details: Record<string, unknown>) => void;
  /** When the page keeps dying, recovery stops and this is called instead. */
  giveUp: () => void;
}

/**
 * Brings the app page back after its renderer crashed or hung: the viewer is closed and the page's
 * holds released first, then the page is reloaded in a fresh process. At most three reloads a minute,
 * so a page that dies on every load does not spin. Any other load of the page's document (a reload)
 * releases its holds too.
 */
export function recoverAppPage(window: BrowserWindow, options: AppPageRecoveryOptions): void {
  const budget = createReloadBudget({ max: 3, windowMs: 60_000 });
  const contents = window.webContents;

  const reload = (cause: string, details: Record<string, unknown>): void => {
    options.report(`the app page ${cause}`, details);
    options.closeViewer();
    options.releasePageHolds();
    if (window.isDestroyed() || contents.isDestroyed()) return;
    if (!budget.tryTake()) {
      options.giveUp();
      return;
    }
    contents.reload();
  };

  // A committed load of the page (a reload) starts it afresh; a blocked navigation never gets here.
  contents.on('did-navigate', () => options.releasePageHolds());
  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    // A clean exit is the window closing, not a crash.
    if (details.reason === 'clean-exit') return;
    reload('crashed', { reason: details.reason, exitCode: details.exitCode });
  });
  window.on('unresponsive', () => {
    if (window.isDestroyed() || contents.isDestroyed()) return;
    // A hung renderer does not reload itself: end its process, then reload in a new one.
    contents.forcefullyCrashRenderer();
    reload('stopped responding', {});
  });
}
