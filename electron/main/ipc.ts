/**
 * The Electron transport: requests come in on one `rpc` channel, events go out on `event`.
 *
 * This is the only file that imports ipcMain, so every message from a renderer passes the
 * same sender check before it reaches the core. The preload (electron/preload/index.ts) uses
 * the same two channel names.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/ipc/envelope';
import type { ErrorInfo } from '../../shared/ipc/errors';
import type { Core } from '../core/app';
import { APP_URL } from './app-url';

const RPC_CHANNEL = 'rpc';
const EVENT_CHANNEL = 'event';

/**
 * Connects `core` to the window that `getWindow` returns; the result detaches it again.
 *
 * The window is looked up on every message rather than captured, because macOS can close and
 * reopen it while the core stays open.
 */
export function attachIpc(core: Core, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(RPC_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event, getWindow())) {
      return failure({ code: 'UNAUTHORIZED', message: 'This request did not come from the Preflight window.' });
    }
    if (typeof channel !== 'string') {
      return failure({ code: 'UNKNOWN_CHANNEL', message: 'A channel name must be text.' });
    }
    try {
      return await core.dispatch(channel, payload);
    } catch (err) {
      // dispatch already turns failures into envelopes; this only keeps a bug from reaching
      // the renderer as Electron's "Error invoking remote method" with our stack in it.
      console.error('[ipc]', err);
      return failure({ code: 'INTERNAL', message: 'Something went wrong inside Preflight.' });
    }
  });

  const stopEvents = core.onEvent((name, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) {
      win.webContents.send(EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    ipcMain.removeHandler(RPC_CHANNEL);
    stopEvents();
  };
}

/**
 * True when the message comes from our window's webContents, from a frame showing our origin.
 *
 * Checks both, as Electron's checklist advises: the webContents alone would trust a frame that
 * had navigated elsewhere, the URL alone would trust any other webContents on our scheme.
 */
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed() || event.sender.id !== win.webContents.id) {
    return false;
  }
  const frame = event.senderFrame;
  return frame !== null && frame.url.startsWith(APP_URL);
}

function failure(error: ErrorInfo): Envelope<unknown> {
  return { ok: false, error };
}
