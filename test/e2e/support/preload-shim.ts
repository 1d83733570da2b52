/**
 * Wraps the real preload bundle (out/preload/index.cjs) so it runs in a plain Chromium page:
 * its `require('electron')` gets a contextBridge that defines the global, and an ipcRenderer whose
 * invoke goes through a Playwright binding to the same dispatcher main registers with ipcMain.
 * Main-to-renderer events arrive through `__roomdeskHarnessEmit`, which only the harness calls.
 */
export function preloadShimScript(preloadSource: string, bindingName: string): string {
  return `(() => {
  // The preload bundle sets zod's jitless mode itself before any schema is built: here, in the page,
  // a compiled parser (new Function) would be refused by the CSP, so the harness proves that too.
  const listeners = new Map();
  const ipcRenderer = Object.freeze({
    invoke: (channel, input) => window[${JSON.stringify(bindingName)}](channel, input),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  });
  Object.defineProperty(window, '__roomdeskHarnessEmit', {
    value: (channel, payload) => { for (const listener of listeners.get(channel) ?? []) listener({}, payload); },
  });
  const contextBridge = Object.freeze({
    exposeInMainWorld(name, api) {
      Object.defineProperty(window, name, { value: api, enumerable: true, configurable: false, writable: false });
    },
  });
  const electron = Object.freeze({ contextBridge, ipcRenderer });
  const module = { exports: {} };
  const requireShim = (id) => {
    if (id === 'electron') return electron;
    throw new Error('a sandboxed preload can only require electron, not ' + id);
  };
  (function (require, module, exports) {
${preloadSource}
  })(requireShim, module, module.exports);
})();`;
}
