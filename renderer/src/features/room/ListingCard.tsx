import type { Guest, Listing } from '../../../../common/room';
import { useI18n } from '../../i18n/I18nProvider';
import { UntrustedText } from '../../ui/UntrustedText';

interface ListingCardProps {
  listing: Listing | null;
  guests: Guest[];
  /** Offers a guest pass per invited guest; absent when the room can no longer be entered. */
  onPass?(guest: Guest): void;
}

/** What the agent typed when creating the room: the home, and who was invited. */
export function ListingCard({ listing, guests, onPass }: ListingCardProps) {
  const { t } = useI18n();
  const hasListing = listing !== null && Boolean(listing.address || listing.vr || listing.notes);
  return (
    <section className="card" aria-labelledby="listing-title">
      <h2 id="listing-title">{t.room.listing}</h2>
      {hasListing ? (
        <dl className="facts">
          {listing.address ? <Row term={t.newRoom.address}>{listing.address}</Row> : null}
          {listing.vr ? (
            <Row term={t.newRoom.vr}>
              <span className="mono break">{listing.vr}</span>
            </Row>
          ) : null}
          {listing.notes ? (
            <Row term={t.newRoom.notes}>
              <span className="pre-line">{listing.notes}</span>
            </Row>
          ) : null}
        </dl>
      ) : (
        <p className="muted">{t.room.noListing}</p>
      )}
      {guests.length > 0 ? (
        <>
          <h3>{t.room.preregistered}</h3>
          <ul className="guest-list">
            {guests.map((guest) => {
              const name = guest.nickname || guest.userId;
              return (
                <li key={guest.userId}>
                  <span>
                    <UntrustedText text={name} /> <span className="muted mono">{guest.nickname ? guest.userId : ''}</span>{' '}
                    <span className="muted">· {guest.role}</span>
                  </span>
                  {onPass ? (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => onPass(guest)}
                      aria-label={t.room.passFor({ name })}
                    >
                      {t.pass.open}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
