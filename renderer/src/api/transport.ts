/**
 * The transport seam between the renderer and the core.
 *
 * The same renderer runs in an Electron window (preload bridge) and in a browser tab served by
 * the local host (HTTP + WebSocket). Only the two adapters know which; everything above them
 * talks to this interface through the client.
 */
import type { Envelope } from '../../../shared/ipc/envelope';
import { createElectronTransport, type PreflightBridge } from './electron-transport';
import { createHostTransport } from './host-transport';

/** Called with every push event the core sends, before any validation. */
export type RawEventListener = (event: string, payload: unknown) => void;

/** Reports upload progress in bytes. */
export type UploadProgress = (sent: number, total: number) => void;

/** The minimal contract every transport adapter fulfils. */
export interface Transport {
  /** Calls a channel; never rejects for core errors, which come back as `{ok:false}`. */
  invoke(channel: string, payload: unknown): Promise<Envelope<unknown>>;
  /** Subscribes to all push events; returns the unsubscribe function. */
  on(listener: RawEventListener): () => void;
  /**
   * Hands a file picked or dropped in the window to the core and resolves with its uploadId.
   * `signal` lets the user cancel a long upload; it is optional so the interface stays minimal.
   */
  uploadFile(file: File, onProgress?: UploadProgress, signal?: AbortSignal): Promise<string>;
  /** Which adapter this is; the UI uses native file dialogs only in Electron. */
  kind: 'electron' | 'host';
}

/** Error thrown by `uploadFile`, carrying the core's code when there is one. */
export class UploadError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'UploadError';
    this.code = code;
  }
}

declare global {
  interface Window {
    /** Present only inside the Electron window (exposed by the preload script). */
    preflight?: PreflightBridge;
  }
}

/** Picks the adapter for the environment the page is running in. */
export function createTransport(win: Window = window): Transport {
  return win.preflight ? createElectronTransport(win.preflight) : createHostTransport(win.location);
}
