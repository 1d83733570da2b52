import { useRef, useState, type FormEvent } from 'react';
import type { Guest, Listing } from '../../../../common/room';
import { newRoomBridge } from './new-room-bridge';
import { useNavigation } from '../../lib/navigation';
import { useI18n } from '../../i18n/I18nProvider';
import { useAction } from '../../lib/use-action';
import { GuestRows } from './GuestRows';
import {
  hasFieldErrors,
  validateNewRoom,
  withoutGuestErrors,
  type GuestRow,
  type ListingValues,
  type NewRoomErrors,
} from './new-room-form';
import { useFocusFirstProblem } from '../../lib/use-focus-first-problem';
import { useProfiles } from '../../lib/ProfilesProvider';
import { profileName } from '../../lib/profile-label';
import { useSessionRooms } from '../../lib/SessionRoomsProvider';
import { ActionButton } from '../../ui/ActionButton';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { TextAreaField, TextField } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { readPreference, writePreference } from '../../lib/preferences';
import { parseRecentVrs, withRecentVr } from './vr-choices';
import { VrPicker } from './VrPicker';

const noErrors: NewRoomErrors = { guests: {}, listing: {} };

export function NewRoomScreen() {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  const { active } = useProfiles();
  const sessionRooms = useSessionRooms();
  const nextKey = useRef(1);
  const [guests, setGuests] = useState<GuestRow[]>([]);
  const [listing, setListing] = useState<ListingValues>({ title: '', address: '', vr: '', notes: '' });
  const [errors, setErrors] = useState<NewRoomErrors>(noErrors);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = useFocusFirstProblem(formRef);
  const [picking, setPicking] = useState(false);
  const [recentVrs] = useState(() => parseRecentVrs(readPreference('recentVrs')));
  const create = useAction((input: { guests: Guest[]; listing: Listing }) => newRoomBridge().createRoom(input));

  if (!active) return null;
  const profileId = active.id;

  const setListingField = (field: keyof ListingValues) => (value: string) => {
    setListing((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, listing: { ...current.listing, [field]: undefined } }));
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.running) return;
    const checked = validateNewRoom(guests, listing, t.newRoom.invalid);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstProblem();
      return;
    }
    setErrors(noErrors);
    const result = await create.run({ guests: checked.guests, listing: checked.listing });
    if (!result.ok) {
      focusFirstProblem();
      return;
    }
    if (checked.listing.vr) writePreference('recentVrs', JSON.stringify(withRecentVr(recentVrs, checked.listing.vr)));
    sessionRooms.add({
      profileId,
      roomCode: result.value.roomCode,
      roomLink: result.value.roomLink,
      createdAt: result.value.createdAt,
      listing: checked.listing,
      guests: checked.guests,
      status: null,
      lastSyncedAt: null,
    });
    navigate({ screen: 'room', roomCode: result.value.roomCode });
  }

  const failure = create.state.phase === 'failed' ? create.state.error : null;
  const hasErrors = hasFieldErrors(errors);

  return (
    <div className="screen screen--narrow">
      <header className="screen__header">
        <h1>{t.newRoom.title}</h1>
      </header>

      {failure?.kind === 'outcome-unknown' ? (
        <section className="outcome-unknown card" role="alert" aria-labelledby="outcome-unknown-title">
          <h2 id="outcome-unknown-title">
            <Icon glyph="⚠" /> {t.newRoom.unknownTitle}
          </h2>
          <p>{t.newRoom.unknownText}</p>
          <ErrorPanel
            error={failure}
            compact
            actions={
              <button type="button" className="button button--primary" onClick={() => navigate({ screen: 'rooms' })}>
                {t.newRoom.goToRooms}
              </button>
            }
          />
        </section>
      ) : null}

      <form ref={formRef} onSubmit={onSubmit} noValidate className="stack">
        <section className="card" aria-labelledby="new-room-host">
          <h2 id="new-room-host">{t.newRoom.host}</h2>
          <div className="form-grid">
            <TextField label={t.newRoom.agentId} value={active.userId} onValue={() => undefined} readOnly />
            <TextField label={t.newRoom.hostRole} value={active.roles.host} onValue={() => undefined} readOnly />
          </div>
          <p className="field__hint">{t.newRoom.hostHint({ profile: profileName(active, t) })}</p>
        </section>

        <section className="card" aria-labelledby="new-room-guests">
          <h2 id="new-room-guests">{t.newRoom.guests}</h2>
          <p className="muted">{t.newRoom.guestsHint}</p>
          <GuestRows
            rows={guests}
            errors={errors.guests}
            onAdd={() => setGuests((rows) => [...rows, { key: nextKey.current++, userId: '', role: active.roles.guest, nickname: '' }])}
            onRemove={(key) => setGuests((rows) => rows.filter((row) => row.key !== key))}
            onChange={(key, patch) => {
              setGuests((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
              setErrors((current) => withoutGuestErrors(current, key));
            }}
          />
        </section>

        <section className="card" aria-labelledby="new-room-listing">
          <h2 id="new-room-listing">{t.newRoom.listing}</h2>
          <div className="form-grid">
            <TextField
              label={t.newRoom.listingTitle}
              value={listing.title}
              onValue={setListingField('title')}
              error={errors.listing.title}
            />
            <TextField
              label={t.newRoom.address}
              value={listing.address}
              onValue={setListingField('address')}
              error={errors.listing.address}
            />
            <div className="form-grid__wide new-room__vr">
              <TextField
                label={t.newRoom.vr}
                value={listing.vr}
                onValue={setListingField('vr')}
                error={errors.listing.vr}
                hint={t.newRoom.vrHint}
                spellCheck={false}
              />
              <button type="button" className="button" onClick={() => setPicking(true)}>
                {t.newRoom.chooseVr}
              </button>
            </div>
          </div>
          <TextAreaField
            label={t.newRoom.notes}
            value={listing.notes}
            onValue={setListingField('notes')}
            error={errors.listing.notes}
            hint={t.newRoom.notesHint}
            rows={3}
          />
        </section>

        {failure && failure.kind !== 'outcome-unknown' ? <ErrorPanel error={failure} /> : null}
        {hasErrors ? (
          <p className="field__error" role="alert">
            {t.newRoom.invalid.summary}
          </p>
        ) : null}

        <div className="form-actions">
          <ActionButton type="submit" busy={create.running} busyLabel={t.newRoom.creating}>
            {t.newRoom.create}
          </ActionButton>
        </div>
      </form>

      {picking ? (
        <VrPicker
          recent={recentVrs}
          onClose={() => setPicking(false)}
          onPick={(vrCode) => {
            setListingField('vr')(vrCode);
            setPicking(false);
          }}
        />
      ) : null}
    </div>
  );
}
