import { describe, expect, it } from 'vitest';
import { appShortcutFromTour, type KeyInput } from '../../../main/shell/tour-shortcuts';

const press = (key: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...extra,
});

describe('app shortcuts pressed in the tour view', () => {
  it('go to the app page with their modifiers: Ctrl+N/R/F, F5, / and ? (⌘ on macOS)', () => {
    expect(appShortcutFromTour(press('n', { control: true }), 'linux')).toEqual({ type: 'keyDown', keyCode: 'n', modifiers: ['control'] });
    expect(appShortcutFromTour(press('R', { control: true, shift: false }), 'win32')?.keyCode).toBe('R');
    expect(appShortcutFromTour(press('f', { meta: true }), 'darwin')).toEqual({ type: 'keyDown', keyCode: 'f', modifiers: ['meta'] });
    expect(appShortcutFromTour(press('F5'), 'linux')?.keyCode).toBe('F5');
    expect(appShortcutFromTour(press('/'), 'linux')?.modifiers).toEqual([]);
    expect(appShortcutFromTour(press('?', { shift: true }), 'linux')?.modifiers).toEqual(['shift']);
  });

  it('leave every other key (and key releases) to the tour page', () => {
    expect(appShortcutFromTour(press('ArrowLeft'), 'linux')).toBeNull();
    expect(appShortcutFromTour(press('n'), 'linux')).toBeNull();
    expect(appShortcutFromTour(press('n', { meta: true }), 'linux')).toBeNull();
    expect(appShortcutFromTour(press('n', { control: true }), 'darwin')).toBeNull();
    expect(appShortcutFromTour(press('f', { control: true, alt: true }), 'linux')).toBeNull();
    expect(appShortcutFromTour({ ...press('n', { control: true }), type: 'keyUp' }, 'linux')).toBeNull();
  });
});
