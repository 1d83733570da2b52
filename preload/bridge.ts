import type { AppError, Result } from '../common/errors';
import { validationError } from '../common/validation';
import {
  bridgeContract,
  bridgeEvents,
  bridgeResultSchema,
  channelFor,
  eventChannelFor,
  eventNames,
  methodNames,
  subscriptionNameFor,
  type RoomdeskBridge,
} from '../common/contract/index';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

const protocolError = (message: string): AppError => ({ kind: 'protocol', message });

/**
 * Builds the frozen object exposed as `window.roomdesk`: one function per contract method that
 * validates what goes out and what comes back, plus one subscription per event.
 */
export function buildBridge(transport: BridgeTransport): RoomdeskBridge {
  const api: Record<string, unknown> = {};
  for (const method of methodNames) {
    const spec = bridgeContract[method];
    api[method] = async (input?: unknown): Promise<Result<unknown>> => {
      const parsedInput = spec.input.safeParse(input);
      if (!parsedInput.success) return { ok: false, error: validationError(parsedInput.error, `The request to ${method}`) };
      let raw: unknown;
      try {
        raw = await transport.invoke(channelFor(method), parsedInput.data);
      } catch {
        return { ok: false, error: { kind: 'internal', message: 'Roomdesk could not reach its main process. Restart the app.' } };
      }
      const result = bridgeResultSchema.safeParse(raw);
      if (!result.success) return { ok: false, error: protocolError('Roomdesk received a malformed answer from its main process.') };
      if (!result.data.ok) return { ok: false, error: result.data.error };
      const output = spec.output.safeParse(result.data.value);
      if (!output.success) return { ok: false, error: protocolError(`The answer to ${method} did not match its contract.`) };
      return { ok: true, value: output.data };
    };
  }
  for (const event of eventNames) {
    const schema = bridgeEvents[event];
    api[subscriptionNameFor(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('A listener function is required.');
      // The IPC event object is dropped on purpose: it exposes the sender to the page.
      const wrapped = (_event: unknown, payload: unknown) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      };
      transport.on(eventChannelFor(event), wrapped);
      return () => {
        transport.removeListener(eventChannelFor(event), wrapped);
      };
    };
  }
  return Object.freeze(api) as RoomdeskBridge;
}
