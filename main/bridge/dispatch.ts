import type { AppError, Result } from '../../common/errors';
import { validationError } from '../../common/validation';
import { bridgeContract, methodNames, type MethodName, type MethodOutput, type ParsedInput } from '../../common/contract/index';
import { toAppError } from '../app-failure';
import type { Logger } from '../logging/logger';

export type BridgeHandlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
};

export type BridgeDispatcher = (method: string, rawInput: unknown, sender: { trusted: boolean }) => Promise<Result<unknown>>;

const knownMethods = new Set<string>(methodNames);

/**
 * The one path every bridge call takes in main: check the sender, parse the input, run the
 * handler, parse the output. It never throws, so no renderer message can take main down.
 */
export function createBridgeDispatcher(handlers: BridgeHandlers, logger: Logger): BridgeDispatcher {
  return async (method, rawInput, sender) => {
    if (!sender.trusted) {
      logger.warn('bridge call refused: sender is not the app window', { method });
      return fail({ kind: 'forbidden', message: 'This page is not allowed to use Roomdesk.' });
    }
    if (!knownMethods.has(method)) return fail({ kind: 'validation', message: `Unknown bridge method "${method}".` });
    const name = method as MethodName;
    const spec = bridgeContract[name];
    const input = spec.input.safeParse(rawInput);
    if (!input.success) return fail(validationError(input.error, `The request to ${name}`));
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const value = await handler(input.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        logger.error('bridge handler returned a value outside its contract', { method: name, issues: output.error.issues.length });
        return fail({ kind: 'internal', message: 'Roomdesk produced an unexpected answer. Please try again; if it persists, report it.' });
      }
      return { ok: true, value: output.data };
    } catch (error) {
      // Services throw AppFailures; anything else is a bug and stays in main's log.
      const appError = toAppError(error);
      if (appError.kind === 'internal') logger.error('bridge handler failed', { method: name, error });
      return fail(appError);
    }
  };
}

function fail(error: AppError): Result<never> {
  return { ok: false, error };
}

export type { MethodOutput, ParsedInput };
