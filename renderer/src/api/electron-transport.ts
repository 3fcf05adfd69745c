/**
 * Transport over the Electron preload bridge (`window.preflight`).
 */
import type { Envelope } from '../../../shared/ipc/envelope';
import { EVENT_NAMES } from '../../../shared/ipc/events';
import { asEnvelope, failure } from './envelope-guard';
import { UploadError, type RawEventListener, type Transport, type UploadProgress } from './transport';

/** Exactly what the preload exposes; nothing else of Electron is reachable from the page. */
export interface PreflightBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

/** Chunk size for uploads: big enough to be quick, small enough to stay far below IPC limits. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** Creates the Electron adapter. */
export function createElectronTransport(bridge: PreflightBridge): Transport {
  const listeners = new Set<RawEventListener>();
  let bridged = false;

  async function invoke(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    try {
      const raw = await bridge.invoke(channel, payload);
      return asEnvelope(raw) ?? failure('INTERNAL', `The core gave an unreadable reply to ${channel}.`);
    } catch {
      return failure('INTERNAL', `The call to ${channel} failed inside the app.`);
    }
  }

  function on(listener: RawEventListener): () => void {
    // The bridge keeps one listener per event name, so we register once and fan out here.
    if (!bridged) {
      bridged = true;
      for (const name of EVENT_NAMES) {
        bridge.on(name, (payload) => {
          for (const l of listeners) {
            l(name, payload);
          }
        });
      }
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  async function call<T>(channel: string, payload: unknown): Promise<T> {
    const env = await invoke(channel, payload);
    if (!env.ok) {
      throw new UploadError(env.error.code, env.error.message);
    }
    return env.value as T;
  }

  async function uploadFile(file: File, onProgress?: UploadProgress, signal?: AbortSignal): Promise<string> {
    const { uploadId } = await call<{ uploadId: string }>('upload.begin', {
      name: safeName(file.name),
      size: file.size,
    });
    onProgress?.(0, file.size);
    for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
      if (signal?.aborted) {
        throw new UploadError('CANCELLED', 'Upload cancelled.');
      }
      const slice = file.slice(offset, Math.min(offset + CHUNK_BYTES, file.size));
      const base64 = await toBase64(slice);
      await call('upload.chunk', { uploadId, offset, base64 });
      onProgress?.(offset + slice.size, file.size);
    }
    await call('upload.finish', { uploadId });
    return uploadId;
  }

  return { invoke, on, uploadFile, kind: 'electron' };
}

/** The contract caps names at 255 characters; keep the extension, which drives format detection. */
function safeName(name: string): string {
  const clean = name.trim() === '' ? 'file' : name;
  if (clean.length <= 255) {
    return clean;
  }
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 255 - ext.length) + ext;
}

/** Base64 of a blob via FileReader: native, and avoids building huge strings by hand. */
function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new UploadError('FILE_UNREADABLE', 'The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}
