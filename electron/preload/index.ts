/** Exposes one function, invoke(name, args, session), and only for the contract's names. */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../../shared/method-names';

const allowed = new Set<string>(METHOD_NAMES);

contextBridge.exposeInMainWorld('desk', {
  invoke: (name: string, args: unknown, session?: string): Promise<unknown> =>
    allowed.has(name) ? ipcRenderer.invoke('desk:call', name, args, session) : Promise.reject(new Error(`unknown call ${name}`)),
});
