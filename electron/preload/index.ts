/**
 * The preload bridge: the page gets `window.preflight = { invoke, on }` and nothing else.
 *
 * It runs sandboxed, so electron-vite bundles it into one file whose only require is
 * 'electron'. Channel and event names are checked against the shared contract here, before
 * anything crosses to the main process (which checks the sender and validates the payload).
 * ipcRenderer itself is never handed to the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel } from '../../shared/ipc/contract';
import { isEventName } from '../../shared/ipc/events';

/** Must match RPC_CHANNEL and EVENT_CHANNEL in electron/main/ipc.ts. */
const RPC_CHANNEL = 'rpc';
const EVENT_CHANNEL = 'event';

/** Names from the page go into error messages; keep them short. */
function shown(name: unknown): string {
  return String(name).slice(0, 80);
}

/** The reply is an Envelope; the renderer checks its shape (api/envelope-guard.ts), not us. */
function invoke(channel: string, payload: unknown): Promise<unknown> {
  if (!isChannel(channel)) {
    return Promise.reject(new Error(`Unknown channel '${shown(channel)}'.`));
  }
  return ipcRenderer.invoke(RPC_CHANNEL, channel, payload);
}

function on(event: string, cb: (payload: unknown) => void): () => void {
  if (!isEventName(event)) {
    throw new Error(`Unknown event '${shown(event)}'.`);
  }
  // The page is untrusted: its arguments are whatever it passed, whatever the types say.
  if (typeof cb !== 'function') {
    throw new TypeError('The event listener must be a function.');
  }
  // The IpcRendererEvent is dropped: its `sender` is ipcRenderer itself.
  const listener = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (name === event) {
      cb(payload);
    }
  };
  ipcRenderer.on(EVENT_CHANNEL, listener);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  };
}

contextBridge.exposeInMainWorld('preflight', { invoke, on });
