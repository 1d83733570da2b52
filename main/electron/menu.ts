import { Menu } from 'electron';
import { buildMenuTemplate } from '../shell/menu-template';

export function installAppMenu(options: { isDev: boolean; appName: string }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, ...options })));
}
