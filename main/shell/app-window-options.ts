import { isAbsolute } from 'node:path';
import { isolationPreferences } from './isolation-preferences';
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_TITLE = 'Roomdesk';
/** The renderer's page background, so the window shows no white flash before the first paint. */
export const APP_BACKGROUND_COLOR = '#f5f6f8';

export interface AppWindowOptionsInput {
  /** Absolute path of the built preload; it must be CommonJS because the renderer is sandboxed. */
  preloadPath: string;
  isDev: boolean;
  /** Window icon (used on Linux and Windows); macOS takes the icon from the app bundle. */
  iconPath?: string;
}

export function appWindowOptions({ preloadPath, isDev, iconPath }: AppWindowOptionsInput): BrowserWindowConstructorOptions {
  if (!isAbsolute(preloadPath)) throw new Error(`The preload path must be absolute: ${preloadPath}`);
  if (!preloadPath.endsWith('.cjs')) {
    throw new Error(`A sandboxed renderer can only load a CommonJS preload (*.cjs): ${preloadPath}`);
  }
  return {
    title: APP_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: APP_BACKGROUND_COLOR,
    autoHideMenuBar: !isDev,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: { preload: preloadPath, ...isolationPreferences },
  };
}
