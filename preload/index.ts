import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { buildBridge } from './bridge';

// Schemas must not compile themselves with new Function: the page's CSP forbids eval.
z.config({ jitless: true });

contextBridge.exposeInMainWorld('roomdesk', buildBridge(ipcRenderer));
