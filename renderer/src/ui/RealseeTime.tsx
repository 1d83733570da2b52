import type { ReactNode } from 'react';
import { viewRealseeTime } from '../../../common/realsee-time';

/**
 * A Realsee time text (no zone in it) read in the profile's zone and shown on this computer's
 * clock. The raw text and the zone it was read in stay visible on hover; an unreadable text is
 * shown as it came.
 */
export function RealseeTime({
  raw,
  timeZone,
  locale,
  fallback,
}: {
  raw: string | null;
  timeZone: string;
  locale: string;
  fallback: ReactNode;
}) {
  const view = viewRealseeTime(raw, { timeZone, locale });
  if (!view) return <>{fallback}</>;
  return (
    <time
      dateTime={view.instant === null ? undefined : new Date(view.instant).toISOString()}
      title={`${view.raw} (${timeZone})`}
      data-realsee-time={view.raw}
    >
      {view.text}
    </time>
  );
}
