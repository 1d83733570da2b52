import { ProfilesSection } from '../../features/profiles/ProfilesSection';
import { SettingsScreen } from '../../features/settings/SettingsScreen';

export function SettingsRoute() {
  return <SettingsScreen profilesSection={<ProfilesSection />} />;
}
