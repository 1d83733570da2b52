/**
 * The app's identity to the operating system: macOS bundle id, and on Windows the
 * AppUserModelID that groups the taskbar button and owns notifications. electron-builder.yml
 * carries the same value as `appId`; the installer registers it, main sets it at start.
 */
export const APP_ID = 'com.roomdesk.app';
