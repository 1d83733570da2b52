export const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** How shortcuts write the platform's command key: ⌘ on macOS, Ctrl elsewhere. */
export const modKeyLabel = isMac ? '⌘' : 'Ctrl';
