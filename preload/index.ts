// First: schemas must not compile themselves with new Function (the page's CSP forbids eval).
import '../common/zod-jitless';
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld('roomdesk', buildBridge(ipcRenderer));
