/**
 * Transport to the local host: HTTP for calls and uploads, a WebSocket for push events.
 *
 * The host authenticates the page with an HttpOnly cookie set on first load, so every request
 * here is same-origin with credentials and the page never sees a token.
 */
import type { Envelope } from '../../../shared/ipc/envelope';
import { asEnvelope, failure } from './envelope-guard';
import { UploadError, type RawEventListener, type Transport, type UploadProgress } from './transport';

/** Reconnect delays grow from here up to the cap, so a stopped host is not hammered. */
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

/** The part of `window.location` the adapter needs (lets tests pass a plain object). */
export type HostLocation = Pick<Location, 'protocol' | 'host' | 'origin'>;

/** Creates the browser adapter for a page served by the local host. */
export function createHostTransport(location: HostLocation): Transport {
  const listeners = new Set<RawEventListener>();
  let socket: WebSocket | null = null;
  let attempt = 0;

  async function invoke(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    let response: Response;
    try {
      response = await fetch(`${location.origin}/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload ?? {}),
      });
    } catch {
      return failure('INTERNAL', 'Cannot reach the Preflight host. Is it still running?');
    }
    // Errors come back with 4xx/5xx statuses but still carry an envelope, so always parse.
    const text = await response.text().catch(() => '');
    return asEnvelope(parseJson(text)) ?? unreadable(response.status);
  }

  function connect(): void {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}/events`);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
    };
    ws.onmessage = (msg: MessageEvent) => {
      const data: unknown = typeof msg.data === 'string' ? parseJson(msg.data) : null;
      if (typeof data === 'object' && data !== null && 'event' in data && typeof data.event === 'string') {
        const payload = 'payload' in data ? data.payload : undefined;
        for (const l of listeners) {
          l(data.event, payload);
        }
      }
    };
    ws.onclose = () => {
      socket = null;
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempt);
      attempt += 1;
      // Jitter keeps several tabs from reconnecting in lockstep after a host restart.
      setTimeout(connect, delay * (0.75 + Math.random() * 0.5));
    };
  }

  function on(listener: RawEventListener): () => void {
    listeners.add(listener);
    if (socket === null && attempt === 0) {
      connect();
    }
    return () => {
      listeners.delete(listener);
    };
  }

  function uploadFile(file: File, onProgress?: UploadProgress, signal?: AbortSignal): Promise<string> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new UploadError('CANCELLED', 'Upload cancelled.'));
        return;
      }
      // XMLHttpRequest rather than fetch: fetch cannot report upload progress.
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${location.origin}/upload?name=${encodeURIComponent(file.name)}`);
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.upload.onprogress = (e: ProgressEvent) => {
        onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
      };
      xhr.onload = () => {
        const env = asEnvelope(parseJson(xhr.responseText)) ?? unreadable(xhr.status);
        if (!env.ok) {
          reject(new UploadError(env.error.code, env.error.message));
          return;
        }
        const value = env.value;
        if (typeof value === 'object' && value !== null && 'uploadId' in value && typeof value.uploadId === 'string') {
          resolve(value.uploadId);
        } else {
          reject(new UploadError('INTERNAL', 'The host did not return an upload id.'));
        }
      };
      xhr.onerror = () => reject(new UploadError('INTERNAL', 'The upload failed: the host could not be reached.'));
      xhr.onabort = () => reject(new UploadError('CANCELLED', 'Upload cancelled.'));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(file);
    });
  }

  return { invoke, on, uploadFile, kind: 'host' };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function unreadable(status: number): Envelope<never> {
  if (status === 401 || status === 403) {
    return failure('UNAUTHORIZED', 'The host refused this page. Reopen it from the link the host printed.');
  }
  return failure('INTERNAL', `The host answered HTTP ${status} without a readable reply.`);
}
