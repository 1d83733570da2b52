import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../common/errors';
import { useLatest } from './use-latest';

export type ActionState<T> = { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; value: T } | { phase: 'failed'; error: AppError };

/**
 * Runs one bridge call at a time and tracks its progress. A result that arrives after the
 * component unmounted, or after a newer run started, is dropped.
 */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<Result<T>>) {
  const [state, setState] = useState<ActionState<T>>({ phase: 'idle' });
  const latestRun = useRef(0);
  const mounted = useRef(true);
  const actionRef = useLatest(action);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (...args: A): Promise<Result<T>> => {
      const runId = ++latestRun.current;
      setState({ phase: 'running' });
      let result: Result<T>;
      try {
        result = await actionRef.current(...args);
      } catch {
        result = { ok: false, error: { kind: 'internal', message: 'Roomdesk could not complete this action.' } };
      }
      if (mounted.current && runId === latestRun.current) {
        setState(result.ok ? { phase: 'done', value: result.value } : { phase: 'failed', error: result.error });
      }
      return result;
    },
    [actionRef],
  );

  const reset = useCallback(() => {
    latestRun.current += 1;
    setState({ phase: 'idle' });
  }, []);

  return { state, run, reset, running: state.phase === 'running' };
}
