import { describe, expect, it } from 'vitest';
import { hasActiveFilter, toHistoryFilter } from '../../../renderer/src/features/history/filter-query';
import type { HistoryFilterValues } from '../../../renderer/src/features/history/HistoryFilters';

const none: HistoryFilterValues = { text: '', status: 'any', fromDate: '', toDate: '', profileId: '', sort: 'newest' };

describe('the history filter query', () => {
  it('sends only the sort when nothing is filtered', () => {
    expect(toHistoryFilter(none, '  ')).toEqual({ sort: 'newest' });
    expect(hasActiveFilter(none)).toBe(false);
  });

  it('turns every control into main’s query: text, status (unknown is null), local-day bounds, profile', () => {
    const values: HistoryFilterValues = {
      text: 'x',
      status: '2',
      fromDate: '2026-01-02',
      toDate: '2026-01-03',
      profileId: 'p1',
      sort: 'oldest',
    };
    expect(toHistoryFilter(values, ' flat ')).toEqual({
      sort: 'oldest',
      text: 'flat',
      status: 2,
      from: new Date(2026, 0, 2).getTime(),
      to: new Date(2026, 0, 4).getTime() - 1,
      profileId: 'p1',
    });
    expect(toHistoryFilter({ ...none, status: 'unknown' }, '').status).toBeNull();
    expect(hasActiveFilter({ ...none, status: 'unknown' })).toBe(true);
  });
});
