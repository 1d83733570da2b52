import { createContext, useContext } from 'react';

export type Route =
  | { screen: 'welcome' }
  | { screen: 'rooms'; focusSearch?: boolean }
  | { screen: 'new-room' }
  | { screen: 'room'; roomCode: string }
  | { screen: 'tour'; roomCode: string }
  | { screen: 'history'; roomCode?: string }
  | { screen: 'settings' };

export interface Navigation {
  route: Route;
  navigate(route: Route): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const value = useContext(NavigationContext);
  if (!value) throw new Error('useNavigation must be used inside the app shell');
  return value;
}
