import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('roomdesk', Object.freeze({}));
