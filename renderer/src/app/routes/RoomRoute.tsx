import { HistoryRoomView } from '../../features/history';
import { RoomScreen, type RoomScreenSlots } from '../../features/room/RoomScreen';
import { RoomViewer } from '../../features/viewer';
import { VoicePanel } from '../../features/voice';
import { defaultVoiceBridge } from '../../features/voice/voice-bridge';

/** The room page with the viewer, voice and saved-room parts the other features provide. */
export function RoomRoute({ roomCode }: { roomCode: string }) {
  const slots: RoomScreenSlots = {
    viewer: (props) => <RoomViewer {...props} />,
    voice: (props) => <VoicePanel {...props} bridge={defaultVoiceBridge()} />,
    savedRoom: (props) => <HistoryRoomView {...props} />,
  };
  return <RoomScreen roomCode={roomCode} slots={slots} />;
}
