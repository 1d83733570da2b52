import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Electron's default menu binds Ctrl/Cmd+R and F5 to reloading the window,
 * which would throw away the agent's screen; the renderer uses those keys to refresh the room page,
 * so this menu has no reload item at all. It has no zoom items either: the room viewer is a view
 * placed in window pixels over the page, so a zoomed page would no longer line up with it.
 * Dev tools only in development.
 */
export function buildMenuTemplate({
  platform,
  isDev,
  appName,
}: {
  platform: NodeJS.Platform;
  isDev: boolean;
  appName: string;
}): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] };
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'togglefullscreen' }, ...(isDev ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : [])],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: [{ role: 'minimize' }, ...(isMac ? [{ role: 'zoom' } as const] : [{ role: 'close' } as const])],
  };
  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu];
}
