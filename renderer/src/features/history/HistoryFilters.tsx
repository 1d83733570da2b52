import { useId } from 'react';
import { useMessages } from '../../i18n/I18nProvider';

export type StatusChoice = 'any' | 'unknown' | '0' | '1' | '2';

export interface HistoryFilterValues {
  text: string;
  status: StatusChoice;
  /** `<input type="date">` values, '' when unset. */
  fromDate: string;
  toDate: string;
  profileId: string;
  sort: 'newest' | 'oldest';
}

export const emptyFilterValues: HistoryFilterValues = { text: '', status: 'any', fromDate: '', toDate: '', profileId: '', sort: 'newest' };

export interface HistoryFiltersProps {
  values: HistoryFilterValues;
  onChange(next: HistoryFilterValues): void;
  profiles?: ReadonlyArray<{ id: string; label: string }>;
}

/** Search box, status, date range, profile and sort: the controls above the history list. */
export function HistoryFilters({ values, onChange, profiles }: HistoryFiltersProps) {
  const t = useMessages('history');
  const { statusLabel } = useMessages('room');
  const id = useId();
  const set = <K extends keyof HistoryFilterValues>(key: K, value: HistoryFilterValues[K]) => onChange({ ...values, [key]: value });

  return (
    <div className="rd-filters" role="search" aria-label={t.searchLabel}>
      <div className="rd-field rd-field--grow">
        <label htmlFor={`${id}-text`}>{t.searchLabel}</label>
        <input
          id={`${id}-text`}
          type="search"
          value={values.text}
          maxLength={200}
          placeholder={t.searchPlaceholder}
          spellCheck={false}
          onChange={(event) => set('text', event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && values.text !== '') {
              event.preventDefault();
              set('text', '');
            }
          }}
        />
      </div>
      <div className="rd-field">
        <label htmlFor={`${id}-status`}>{t.statusFilter}</label>
        <select id={`${id}-status`} value={values.status} onChange={(event) => set('status', event.target.value as StatusChoice)}>
          <option value="any">{t.statusAny}</option>
          <option value="0">{statusLabel(0)}</option>
          <option value="1">{statusLabel(1)}</option>
          <option value="2">{statusLabel(2)}</option>
          <option value="unknown">{t.statusUnknown}</option>
        </select>
      </div>
      <div className="rd-field">
        <label htmlFor={`${id}-from`}>{t.fromDate}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={values.fromDate}
          max={values.toDate || undefined}
          onChange={(event) => set('fromDate', event.target.value)}
        />
      </div>
      <div className="rd-field">
        <label htmlFor={`${id}-to`}>{t.toDate}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={values.toDate}
          min={values.fromDate || undefined}
          onChange={(event) => set('toDate', event.target.value)}
        />
      </div>
      {profiles && profiles.length > 1 ? (
        <div className="rd-field">
          <label htmlFor={`${id}-profile`}>{t.profileFilter}</label>
          <select id={`${id}-profile`} value={values.profileId} onChange={(event) => set('profileId', event.target.value)}>
            <option value="">{t.profileAny}</option>
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="rd-field">
        <label htmlFor={`${id}-sort`}>{t.sortLabel}</label>
        <select id={`${id}-sort`} value={values.sort} onChange={(event) => set('sort', event.target.value as 'newest' | 'oldest')}>
          <option value="newest">{t.sortNewest}</option>
          <option value="oldest">{t.sortOldest}</option>
        </select>
      </div>
    </div>
  );
}
