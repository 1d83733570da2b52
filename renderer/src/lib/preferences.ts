/**
 * Non-secret UI preferences kept in localStorage. Only the keys listed here may be stored: the
 * renderer's storage must never hold secrets, tickets, invite links, tokens or signatures.
 */
const keys = {
  language: 'roomdesk.language',
  welcomeSeen: 'roomdesk.welcomeSeen',
  /** A JSON array of the VR codes last used for new rooms: codes only, never links. */
  recentVrs: 'roomdesk.recentVrs',
  /** `collapsed` or `shown`: the app sidebar during a tour. */
  tourSidebar: 'roomdesk.tourSidebar',
  /** `on` when a sound plays as someone joins or leaves a tour. */
  tourNoticeSound: 'roomdesk.tourNoticeSound',
} as const;

export type PreferenceName = keyof typeof keys;

export function readPreference(name: PreferenceName): string | null {
  try {
    return localStorage.getItem(keys[name]);
  } catch {
    return null;
  }
}

export function writePreference(name: PreferenceName, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(keys[name]);
    else localStorage.setItem(keys[name], value);
  } catch {
    // Storage may be unavailable (private mode, quota); the preference simply is not remembered.
  }
}
