import { contextBridge, ipcRenderer } from 'electron';

// Fixed at build time from shared/contract (esbuild `define`): the preload bundles no contract code.
declare const __CONTRACT_METHODS__: string[];
declare const __CONTRACT_EVENTS__: string[];
const methods = new Set(__CONTRACT_METHODS__);
const events = new Set(__CONTRACT_EVENTS__);

/** The renderer's only door: call a contract method, or listen to a contract event. */
contextBridge.exposeInMainWorld('bridge', {
  call(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !methods.has(method))
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method)}` } });
    return ipcRenderer.invoke('rpc:call', method, input);
  },
  on(listener: (event: string, payload: unknown) => void): () => void {
    const forward = (_e: Electron.IpcRendererEvent, name: string, payload: unknown) => {
      if (events.has(name)) listener(name, payload);
    };
    ipcRenderer.on('rpc:event', forward);
    return () => ipcRenderer.removeListener('rpc:event', forward);
  },
});
