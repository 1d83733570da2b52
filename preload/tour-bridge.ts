import type { AppError, Result } from '../common/errors';
import { validationError } from '../common/validation';
import { bridgeResultSchema } from '../common/contract/index';
import {
  tourPageChannelFor,
  tourPageContract,
  tourPageEventChannelFor,
  tourPageEvents,
  tourPageMethodNames,
  type RoomdeskTourBridge,
  type TourPageEventName,
} from '../common/contract/tour';
import type { BridgeTransport } from './bridge';

const protocolError = (message: string): AppError => ({ kind: 'protocol', message });

/**
 * The frozen `window.roomdeskTour` of the tour page: its few methods (validated both ways against
 * the tour page contract) and its two events (validated before the page sees them). Nothing of the
 * app's bridge is here.
 */
export function buildTourBridge(transport: BridgeTransport): RoomdeskTourBridge {
  const api: Record<string, unknown> = {};
  for (const method of tourPageMethodNames) {
    const spec = tourPageContract[method];
    api[method] = async (input?: unknown): Promise<Result<unknown>> => {
      const parsedInput = spec.input.safeParse(input);
      if (!parsedInput.success) return { ok: false, error: validationError(parsedInput.error, `The request to ${method}`) };
      let raw: unknown;
      try {
        raw = await transport.invoke(tourPageChannelFor(method), parsedInput.data);
      } catch {
        return { ok: false, error: { kind: 'internal', message: 'The tour could not reach Roomdesk.' } };
      }
      const result = bridgeResultSchema.safeParse(raw);
      if (!result.success) return { ok: false, error: protocolError('The tour received a malformed answer.') };
      if (!result.data.ok) return { ok: false, error: result.data.error };
      const output = spec.output.safeParse(result.data.value);
      if (!output.success) return { ok: false, error: protocolError(`The answer to ${method} did not match its contract.`) };
      return { ok: true, value: output.data };
    };
  }
  const subscribe = (event: TourPageEventName) => (listener: (payload: unknown) => void) => {
    if (typeof listener !== 'function') throw new TypeError('A listener function is required.');
    const schema = tourPageEvents[event];
    // The IPC event object is dropped on purpose: it exposes the sender to the page.
    const wrapped = (_event: unknown, payload: unknown) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    };
    transport.on(tourPageEventChannelFor(event), wrapped);
    return () => void transport.removeListener(tourPageEventChannelFor(event), wrapped);
  };
  api.onChannelEvent = subscribe('channelEvent');
  api.onCommand = subscribe('command');
  return Object.freeze(api) as RoomdeskTourBridge;
}
