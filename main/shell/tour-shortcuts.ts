/** A key press as Electron's `before-input-event` reports it (the fields used here). */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** The same press, to replay in the app page with `webContents.sendInputEvent`. */
export interface ForwardedKey {
  type: 'keyDown';
  keyCode: string;
  modifiers: Array<'control' | 'meta' | 'alt' | 'shift'>;
}

/**
 * The app's own shortcuts (renderer/src/app/use-shortcuts.ts: Ctrl/⌘+N, Ctrl/⌘+R, F5, Ctrl/⌘+F, /, ?)
 * pressed while the tour view has the focus: they belong to the app page, not to the tour page (which
 * has no text field, and whose reload would only restart the VR). Null for any other key, which the
 * tour page keeps (arrows, +/-, dragging with keys).
 */
export function appShortcutFromTour(input: KeyInput, platform: string): ForwardedKey | null {
  if (input.type !== 'keyDown') return null;
  const mod = platform === 'darwin' ? input.meta : input.control;
  const key = input.key.toLowerCase();
  const isShortcut =
    input.key === 'F5' ||
    (mod && !input.alt && ['n', 'r', 'f'].includes(key)) ||
    (!mod && !input.alt && (input.key === '/' || input.key === '?'));
  if (!isShortcut) return null;
  const modifiers: ForwardedKey['modifiers'] = [];
  if (input.control) modifiers.push('control');
  if (input.meta) modifiers.push('meta');
  if (input.alt) modifiers.push('alt');
  if (input.shift) modifiers.push('shift');
  return { type: 'keyDown', keyCode: input.key, modifiers };
}
