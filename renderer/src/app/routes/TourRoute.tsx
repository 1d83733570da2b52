import { useI18n } from '../../i18n/I18nProvider';
import { useProfiles } from '../../lib/ProfilesProvider';
import { useSessionRooms } from '../../lib/SessionRoomsProvider';
import { GuestPassDialog } from '../../features/room/GuestPassDialog';
import { useStoredRoom } from '../../features/room/use-stored-room';
import { canHandOver, TourViewport, tourLeaderId, useTourCommands, useTourState } from '../../features/tour';
import { TourScreen, type TourControl, type TourScreenSlots } from '../../features/tour-screen';
import { RoomVoiceProvider, useVoiceParticipants, VoiceControl } from '../../features/voice';

/** The tour of a room: the VR view, voice and guest passes the other features provide, in the tour screen. */
export function TourRoute({ roomCode }: { roomCode: string }) {
  return (
    <RoomVoiceProvider roomCode={roomCode}>
      <TourOfRoom roomCode={roomCode} />
    </RoomVoiceProvider>
  );
}

const slots: Omit<TourScreenSlots, 'invite'> = {
  vr: ({ roomCode, obscured, live }) => <TourViewport roomCode={roomCode} obscured={obscured} roomLive={live} />,
  voice: ({ roomClosed }) => <VoiceControl roomClosed={roomClosed} />,
};

function TourOfRoom({ roomCode }: { roomCode: string }) {
  const { t } = useI18n();
  const { active } = useProfiles();
  const sessionRooms = useSessionRooms();
  // History first: notes edited there since the room was created show here too.
  const fromHistory = useStoredRoom(roomCode, undefined);
  const stored = fromHistory ?? (active ? sessionRooms.find(active.id, roomCode) : undefined) ?? null;
  const listing = stored?.listing;
  const tour = useTourState(roomCode);
  const commands = useTourCommands(roomCode);
  const participantVoice = useVoiceParticipants();

  const control: TourControl = {
    available: canHandOver(tour),
    onHandOver: (userId) => void commands.handOver(userId),
    onTakeBack: () => void commands.takeBack(),
    error: commands.error,
  };
  const invite: TourScreenSlots['invite'] = ({ roomCode: code, onClose }) =>
    active ? (
      <GuestPassDialog
        roomCode={code}
        preregistered={stored?.guests ?? []}
        defaultRole={active.roles.guest}
        listingTitle={listing?.title}
        onClose={onClose}
      />
    ) : null;
  return (
    <TourScreen
      roomCode={roomCode}
      title={listing?.title || t.room.titleFallback({ code: roomCode })}
      notes={listing?.notes ?? null}
      slots={{ ...slots, invite }}
      control={control}
      participantVoice={participantVoice}
      leaderId={tourLeaderId(tour)}
    />
  );
}
