import type { AppError, Result } from '../../common/errors';
import { validationError } from '../../common/validation';
import {
  tourPageContract,
  tourPageMethodNames,
  type TourPageInput,
  type TourPageMethod,
  type TourPageOutput,
} from '../../common/contract/tour';
import { toAppError } from '../app-failure';

export type TourPageHandlers = { [M in TourPageMethod]: (input: TourPageInput<M>) => Promise<TourPageOutput<M>> };

export type TourPageDispatcher = (method: string, rawInput: unknown, sender: { trusted: boolean }) => Promise<Result<unknown>>;

const knownMethods = new Set<string>(tourPageMethodNames);

/**
 * The one path a call from the tour page takes in main: only the open tour's own page is heard, its
 * input is parsed against the tour page contract, the answer is parsed too. It never throws: the page
 * renders a third party's Work, so nothing it sends may take main down.
 */
export function createTourPageDispatcher(
  handlers: TourPageHandlers,
  log: (message: string, fields?: Record<string, unknown>) => void,
): TourPageDispatcher {
  return async (method, rawInput, sender) => {
    if (!sender.trusted) {
      log('tour page call refused: not the open tour page', { method: String(method).slice(0, 64) });
      return fail({ kind: 'forbidden', message: 'This page is not allowed to use the tour.' });
    }
    if (!knownMethods.has(method)) return fail({ kind: 'validation', message: 'Unknown tour method.' });
    const name = method as TourPageMethod;
    const spec = tourPageContract[name];
    const input = spec.input.safeParse(rawInput);
    if (!input.success) return fail(validationError(input.error, `The request to ${name}`));
    try {
      const value = await (handlers[name] as (input: unknown) => Promise<unknown>)(input.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        log('tour page handler returned a value outside its contract', { method: name });
        return fail({ kind: 'internal', message: 'The tour produced an unexpected answer.' });
      }
      return { ok: true, value: output.data };
    } catch (error) {
      return fail(toAppError(error));
    }
  };
}

function fail(error: AppError): Result<never> {
  return { ok: false, error };
}
