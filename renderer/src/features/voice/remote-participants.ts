import { Listeners } from './listeners';
import type { RemoteVoiceParticipant } from './voice-adapter';

/** The remote participants an adapter reports, kept by user id; every change is published as a list. */
export function createRemoteRoster() {
  const participants = new Map<string, RemoteVoiceParticipant>();
  const listeners = new Listeners<RemoteVoiceParticipant[]>();
  const publish = () => listeners.emit([...participants.values()]);
  return {
    set(userId: string, patch: Partial<Omit<RemoteVoiceParticipant, 'userId'>>): void {
      const current = participants.get(userId) ?? { userId, connection: 'connecting' as const, level: 0, speaking: false };
      const next = { ...current, ...patch };
      if (participants.has(userId) && Object.entries(patch).every(([key, value]) => current[key as keyof RemoteVoiceParticipant] === value))
        return;
      participants.set(userId, next);
      publish();
    },
    /** Changes a participant already listed; one that left stays gone. */
    patch(userId: string, patch: Partial<Omit<RemoteVoiceParticipant, 'userId'>>): void {
      if (participants.has(userId)) this.set(userId, patch);
    },
    remove(userId: string): void {
      if (participants.delete(userId)) publish();
    },
    clear(): void {
      if (participants.size === 0) return;
      participants.clear();
      publish();
    },
    onChange: (listener: (participants: RemoteVoiceParticipant[]) => void) => listeners.add(listener),
  };
}
