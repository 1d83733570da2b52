import { dayBoundary } from '../../lib/date-time';
import type { HistoryFilterValues } from './HistoryFilters';
import type { HistoryFilter } from './use-history-pages';

/** The query main runs for what the filter controls show. */
export function toHistoryFilter(values: HistoryFilterValues, text: string): HistoryFilter {
  const filter: HistoryFilter = { sort: values.sort };
  const trimmed = text.trim();
  if (trimmed !== '') filter.text = trimmed;
  if (values.status === 'unknown') filter.status = null;
  else if (values.status !== 'any') filter.status = Number(values.status);
  const from = dayBoundary(values.fromDate, 'start');
  const to = dayBoundary(values.toDate, 'end');
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  if (values.profileId !== '') filter.profileId = values.profileId;
  return filter;
}

export function hasActiveFilter(values: HistoryFilterValues): boolean {
  return values.text.trim() !== '' || values.status !== 'any' || values.fromDate !== '' || values.toDate !== '' || values.profileId !== '';
}
