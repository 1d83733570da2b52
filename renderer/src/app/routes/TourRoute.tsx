import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useProfiles } from '../../lib/ProfilesProvider';
import { useSessionRooms } from '../../lib/SessionRoomsProvider';
import { GuestPassDialog } from '../../features/room/GuestPassDialog';
import { useStoredRoom } from '../../features/room/use-stored-room';
import { TourViewport, useTourCommands, useTourLeadership, useTourState } from '../../features/tour';
import { TourScreen, type TourControl, type TourScreenSlots } from '../../features/tour-screen';
import { VoiceBar } from '../../features/voice';
import { defaultVoiceBridge } from '../../features/voice/voice-bridge';

/** The tour of a room: the VR view, voice and guest passes the other features provide, in the tour screen. */
export function TourRoute({ roomCode }: { roomCode: string }) {
  const { t } = useI18n();
  const { active } = useProfiles();
  const sessionRooms = useSessionRooms();
  // History first: notes edited there since the room was created show here too.
  const fromHistory = useStoredRoom(roomCode, undefined);
  const stored = fromHistory ?? (active ? sessionRooms.find(active.id, roomCode) : undefined) ?? null;
  const [voiceBridge] = useState(defaultVoiceBridge);
  const listing = stored?.listing;
  const tour = useTourState(roomCode);
  const leadership = useTourLeadership(roomCode);
  const commands = useTourCommands(roomCode);

  const control: TourControl = {
    available: tour?.phase === 'showing' && leadership?.isHost === true,
    onHandOver: (userId) => void commands.handOver(userId),
    onTakeBack: () => void commands.takeBack(),
  };
  const slots: TourScreenSlots = {
    vr: ({ roomCode: code, obscured }) => <TourViewport roomCode={code} obscured={obscured} />,
    voice: ({ roomCode: code, roomClosed, onSelfVoice }) => (
      <VoiceBar roomCode={code} bridge={voiceBridge} roomClosed={roomClosed} onState={onSelfVoice} />
    ),
    invite: ({ roomCode: code, onClose }) =>
      active ? (
        <GuestPassDialog
          roomCode={code}
          preregistered={stored?.guests ?? []}
          defaultRole={active.roles.guest}
          listingTitle={listing?.title}
          onClose={onClose}
        />
      ) : null,
  };
  return (
    <TourScreen
      roomCode={roomCode}
      title={listing?.title || t.room.titleFallback({ code: roomCode })}
      notes={listing?.notes ?? null}
      slots={slots}
      control={control}
      leaderId={leadership?.leaderId ?? undefined}
    />
  );
}
