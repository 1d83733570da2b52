import type { Clock } from './clock';

export interface RecordedRequest {
  method: string;
  path: string;
  at: number;
}

export interface SandboxStats {
  requests: ReadonlyArray<RecordedRequest>;
  count(path: string): number;
  reset(): void;
}

export function createStats(clock: Clock): SandboxStats & { record(method: string, path: string): void } {
  let requests: RecordedRequest[] = [];
  return {
    get requests() {
      return requests;
    },
    count: (path) => requests.filter((request) => request.path === path).length,
    reset: () => {
      requests = [];
    },
    record: (method, path) => {
      requests.push({ method, path, at: clock.now() });
    },
  };
}
