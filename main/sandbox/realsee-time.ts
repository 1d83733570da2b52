/**
 * Realsee gives times as "YYYY-MM-DD HH:mm:ss" without a zone. The sandbox writes them in UTC so
 * that answers do not depend on the machine's time zone.
 */
export function formatRealseeTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-01-01T09:00:00.000Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
