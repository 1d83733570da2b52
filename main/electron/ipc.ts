import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { BridgeDispatcher } from '../bridge/dispatch';
import { channelFor, eventChannelFor, methodNames, type EventName, type EventPayload } from '../../common/contract/index';

/**
 * Serves every contract method on its channel. Which sender counts as trusted is decided by the
 * caller (the app window's top frame); the dispatcher does the rest and never throws.
 */
export function registerBridge(
  ipcMain: IpcMain,
  dispatch: BridgeDispatcher,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), (event, input: unknown) => dispatch(method, input, { trusted: isTrustedSender(event) }));
  }
}

export function unregisterBridge(ipcMain: IpcMain): void {
  for (const method of methodNames) ipcMain.removeHandler(channelFor(method));
}

/** Sends a contract event to the app window, if it is open. */
export function sendBridgeEvent<E extends EventName>(target: WebContents | null | undefined, event: E, payload: EventPayload<E>): void {
  if (target && !target.isDestroyed()) target.send(eventChannelFor(event), payload);
}
