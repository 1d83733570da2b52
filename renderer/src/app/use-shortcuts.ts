import { useEffect } from 'react';
import { runCommand, type CommandRegistry } from '../lib/commands';
import { isMac } from '../lib/keys';
import type { Route } from '../lib/navigation';
import { useLatest } from '../lib/use-latest';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

interface ShortcutHandlers {
  route: Route;
  navigate(route: Route): void;
  commands: CommandRegistry;
  openHelp(): void;
}

/**
 * App-wide shortcuts: Ctrl/⌘+N new room, Ctrl/⌘+R or F5 refresh the room page, Ctrl/⌘+F or /
 * search rooms, Shift+? this list; Ctrl/⌘+Shift+T starts the tour of the room shown, and in a
 * tour Ctrl/⌘+Shift+E ends the room (after asking), Ctrl/⌘+Shift+P shows or hides the participants,
 * and M or Ctrl/⌘+Shift+M mutes (Esc never leaves a tour). Reloading the whole window is never what
 * the agent wants (it drops the session's rooms), so Ctrl/⌘+R and F5 are always taken over.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useLatest(handlers);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const { route, navigate, commands, openHelp } = ref.current;
      const mod = isMac ? event.metaKey : event.ctrlKey;
      const key = event.key.toLowerCase();
      const dialogOpen = document.querySelector('dialog[open]') !== null;

      if ((mod && key === 'r' && !event.shiftKey) || event.key === 'F5') {
        event.preventDefault();
        if (!dialogOpen && route.screen === 'room') commands.get('refresh')?.();
        return;
      }
      if (dialogOpen) return;
      if (mod && event.shiftKey && !event.altKey) {
        const command = ({ t: 'startTour', e: 'endRoom', p: 'toggleParticipants', m: 'toggleMute' } as const)[key];
        if (command && runCommand(commands, command)) {
          event.preventDefault();
          return;
        }
      }
      if (route.screen === 'tour' && key === 'm' && !mod && !event.altKey && !event.shiftKey && !isTyping(event.target)) {
        event.preventDefault();
        runCommand(commands, 'toggleMute');
        return;
      }
      if (mod && key === 'n' && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        navigate({ screen: 'new-room' });
        return;
      }
      const slash = event.key === '/' && !mod && !event.altKey && !isTyping(event.target);
      if ((mod && key === 'f' && !event.shiftKey) || slash) {
        event.preventDefault();
        const focusSearch = commands.get('focusSearch');
        if (focusSearch) focusSearch();
        else navigate({ screen: 'rooms', focusSearch: true });
        return;
      }
      if (event.key === '?' && !mod && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        openHelp();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ref]);
}
