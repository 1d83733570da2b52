import { HistoryRoomView } from '../../features/history';
import { RoomScreen, type RoomScreenSlots } from '../../features/room/RoomScreen';
import { RoomViewer } from '../../features/viewer';
import { VoicePanel } from '../../features/voice';
import { defaultVoiceBridge } from '../../features/voice/voice-bridge';
import { useI18n } from '../../i18n/I18nProvider';

/** The room page with the viewer, voice and saved-room parts the other features provide. */
export function RoomRoute({ roomCode }: { roomCode: string }) {
  const { locale } = useI18n();
  const slots: RoomScreenSlots = {
    viewer: (props) => <RoomViewer {...props} locale={locale} />,
    voice: (props) => <VoicePanel {...props} bridge={defaultVoiceBridge()} locale={locale} />,
    savedRoom: (props) => <HistoryRoomView {...props} locale={locale} />,
  };
  return <RoomScreen roomCode={roomCode} slots={slots} />;
}
