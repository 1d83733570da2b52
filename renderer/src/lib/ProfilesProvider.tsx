import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppError, Result } from '../../../common/errors';
import type { ProfileSummary } from '../../../common/profile';
import { bridge } from './bridge';

type ProfilesState =
  | { phase: 'loading' }
  | { phase: 'ready'; profiles: ProfileSummary[]; keychainProblem: AppError | null }
  | { phase: 'failed'; error: AppError };

interface ProfilesValue {
  state: ProfilesState;
  profiles: ProfileSummary[];
  active: ProfileSummary | null;
  reload(): Promise<void>;
  activate(id: string): Promise<Result<ProfileSummary>>;
}

const ProfilesContext = createContext<ProfilesValue | null>(null);

/** The profiles main knows, which one is active, and the actions that change that. */
export function ProfilesProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ProfilesState>({ phase: 'loading' });

  const reload = useCallback(async () => {
    const result = await bridge().listProfiles();
    setState(
      result.ok
        ? { phase: 'ready', profiles: result.value.profiles, keychainProblem: result.value.keychainProblem }
        : { phase: 'failed', error: result.error },
    );
  }, []);

  useEffect(() => {
    // reload() sets state only after the bridge answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);

  const activate = useCallback(
    async (id: string) => {
      const result = await bridge().activateProfile({ id });
      await reload();
      return result;
    },
    [reload],
  );

  const value = useMemo<ProfilesValue>(() => {
    const profiles = state.phase === 'ready' ? state.profiles : [];
    return { state, profiles, active: profiles.find((profile) => profile.active) ?? null, reload, activate };
  }, [state, reload, activate]);

  return <ProfilesContext.Provider value={value}>{children}</ProfilesContext.Provider>;
}

export function useProfiles(): ProfilesValue {
  const value = useContext(ProfilesContext);
  if (!value) throw new Error('useProfiles must be used inside <ProfilesProvider>');
  return value;
}
