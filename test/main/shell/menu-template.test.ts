import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../main/shell/menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    for (const isDev of [false, true]) {
      it(`has no reload item or accelerator on ${platform}${isDev ? ' in development' : ''}`, () => {
        const items = flatten(buildMenuTemplate({ platform, isDev, appName: 'Roomdesk' }));
        const roles = items.map((item) => String(item.role ?? '').toLowerCase());
        expect(roles).not.toContain('reload');
        expect(roles).not.toContain('forcereload');
        expect(items.map((item) => String(item.accelerator ?? ''))).not.toEqual(expect.arrayContaining([expect.stringMatching(/R$|F5/)]));
        expect(roles).toContain('copy');
        expect(roles).toContain('paste');
        expect(roles.includes('toggledevtools')).toBe(isDev);
      });

      it(`has no page zoom items on ${platform}${isDev ? ' in development' : ''} (the room viewer is placed in window pixels)`, () => {
        const items = flatten(buildMenuTemplate({ platform, isDev, appName: 'Roomdesk' }));
        const roles = items.map((item) => String(item.role ?? '').toLowerCase());
        expect(roles.filter((role) => ['zoomin', 'zoomout', 'resetzoom'].includes(role))).toEqual([]);
        expect(items.map((item) => String(item.accelerator ?? ''))).not.toEqual(
          expect.arrayContaining([expect.stringMatching(/Plus|=|-$|\+0$/)]),
        );
      });
    }
  }
});
