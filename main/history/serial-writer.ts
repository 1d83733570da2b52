/**
 * Runs `persist` one at a time. A request made while a write is running waits for the next write
 * (which sees its change); requests made while that next write is still waiting share it, so a
 * burst of changes costs at most two writes. Each request resolves once a write that started after
 * it has finished, i.e. once its change is durable.
 */
export interface SerialWriter {
  (): Promise<void>;
  /** Resolves when the last requested write has finished, whether it succeeded or not. */
  settled(): Promise<void>;
}

export function createSerialWriter(persist: () => Promise<void>): SerialWriter {
  let last: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | null = null;
  const request = () => {
    if (waiting !== null) return waiting;
    const next = last
      .catch(() => undefined)
      .then(() => {
        waiting = null;
        return persist();
      });
    waiting = next;
    last = next;
    return next;
  };
  return Object.assign(request, { settled: () => last.catch(() => undefined) });
}
