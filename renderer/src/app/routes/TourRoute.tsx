import { TourViewport } from '../../features/tour';
import { useI18n } from '../../i18n/I18nProvider';
import { useNavigation } from '../../lib/navigation';

/** The tour of a room: the VR filling the main area, and a way back to the room (leaving the tour, not the room). */
export function TourRoute({ roomCode }: { roomCode: string }) {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  return (
    <div className="tour-route">
      <div className="tour-route__bar">
        <button type="button" className="button button--secondary" onClick={() => navigate({ screen: 'room', roomCode })}>
          {t.tour.leave}
        </button>
      </div>
      <div className="tour-route__view">
        <TourViewport roomCode={roomCode} />
      </div>
    </div>
  );
}
