import { createContext, useContext } from 'react';

/** The app shell's layout as screens may change it: the sidebar collapses in a tour. */
export interface ShellLayout {
  sidebarCollapsed: boolean;
  setSidebarCollapsed(collapsed: boolean): void;
}

export const ShellLayoutContext = createContext<ShellLayout | null>(null);

export function useShellLayout(): ShellLayout {
  const value = useContext(ShellLayoutContext);
  if (!value) throw new Error('useShellLayout must be used inside the app shell');
  return value;
}

/** Below this window width the sidebar starts collapsed in a tour, unless the agent chose otherwise. */
export const WIDE_WINDOW = 1280;

/** The sidebar's state when the app starts: the agent's last choice, else collapsed in a narrow window. */
export function initialSidebarCollapsed(stored: string | null, windowWidth: number): boolean {
  if (stored === 'collapsed') return true;
  if (stored === 'shown') return false;
  return windowWidth < WIDE_WINDOW;
}
