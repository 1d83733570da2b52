import { createContext, useContext, useEffect } from 'react';
import { useLatest } from './use-latest';

/** Actions a keyboard shortcut triggers on whichever screen currently offers them. */
export type CommandName = 'refresh' | 'focusSearch' | 'startTour' | 'endRoom' | 'toggleMute' | 'toggleParticipants';
export type CommandRegistry = Map<CommandName, () => void>;

export const CommandsContext = createContext<CommandRegistry | null>(null);

export function useCommand(name: CommandName, handler: () => void): void {
  const registry = useContext(CommandsContext);
  const handlerRef = useLatest(handler);
  useEffect(() => {
    if (!registry) return;
    const invoke = () => handlerRef.current();
    registry.set(name, invoke);
    return () => {
      if (registry.get(name) === invoke) registry.delete(name);
    };
  }, [registry, name, handlerRef]);
}

/** Runs a command if the current screen offers it; false when none does. */
export function runCommand(registry: CommandRegistry, name: CommandName): boolean {
  const command = registry.get(name);
  command?.();
  return command !== undefined;
}
