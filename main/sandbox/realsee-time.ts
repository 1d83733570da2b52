import { toRealseeTimeText } from '../../common/realsee-time';

/** The zone Realsee's own time texts point to; the sandbox writes its times on that clock. */
export const SANDBOX_TIME_ZONE = 'Asia/Shanghai';

/** Realsee gives times as "YYYY-MM-DD HH:mm:ss" without a zone, on Beijing time (UTC+8). */
export function formatRealseeTime(ms: number): string {
  return toRealseeTimeText(ms, SANDBOX_TIME_ZONE);
}

export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
