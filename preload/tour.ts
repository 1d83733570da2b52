// The tour view's preload: only `window.roomdeskTour`, the tour page's narrow bridge (never the app's).
// First: schemas must not compile themselves with new Function (the page's CSP forbids eval).
import '../common/zod-jitless';
import { contextBridge, ipcRenderer } from 'electron';
import { buildTourBridge } from './tour-bridge';

contextBridge.exposeInMainWorld('roomdeskTour', buildTourBridge(ipcRenderer));
