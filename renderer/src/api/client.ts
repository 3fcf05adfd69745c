/**
 * The typed API client: the only thing store actions use to reach the core.
 */
import type { Channel, Req, Res } from '../../../shared/ipc/contract';
import { isErrorCode, type ErrorCode } from '../../../shared/ipc/errors';
import { events, isEventName, type EventName, type EventPayload } from '../../../shared/ipc/events';
import { UploadError, type Transport, type UploadProgress } from './transport';

/** A coded failure from the core (or from the transport on its behalf). */
export class RpcError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
  }
}

/** Typed calls, typed events and uploads, independent of the transport underneath. */
export interface Client {
  readonly kind: Transport['kind'];
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>;
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
  upload(file: File, onProgress?: UploadProgress, signal?: AbortSignal): Promise<string>;
}

type AnyEventCallback = (payload: unknown) => void;

/** Wraps a transport into the typed client. */
export function createClient(transport: Transport): Client {
  const subscribers = new Map<EventName, Set<AnyEventCallback>>();
  let detach: (() => void) | null = null;

  function dispatch(event: string, payload: unknown): void {
    if (!isEventName(event)) {
      return;
    }
    const subs = subscribers.get(event);
    if (!subs || subs.size === 0) {
      return;
    }
    // Payloads come from outside the renderer; a malformed one is dropped rather than crashing UI.
    const parsed = events[event].safeParse(payload);
    if (!parsed.success) {
      console.warn(`Ignored malformed "${event}" event`, parsed.error.issues);
      return;
    }
    for (const cb of subs) {
      cb(parsed.data);
    }
  }

  return {
    kind: transport.kind,

    async invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
      const env = await transport.invoke(channel, req);
      if (!env.ok) {
        throw new RpcError(env.error.code, env.error.message);
      }
      // The core validated the request and built the response from the same contract.
      return env.value as Res<C>;
    },

    on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
      detach ??= transport.on(dispatch);
      let subs = subscribers.get(event);
      if (!subs) {
        subs = new Set();
        subscribers.set(event, subs);
      }
      // Safe: dispatch only calls `cb` with data parsed by the schema of this very event.
      const wrapped = cb as AnyEventCallback;
      subs.add(wrapped);
      return () => {
        subs.delete(wrapped);
      };
    },

    async upload(file: File, onProgress?: UploadProgress, signal?: AbortSignal): Promise<string> {
      try {
        return await transport.uploadFile(file, onProgress, signal);
      } catch (err) {
        throw toRpcError(err);
      }
    },
  };
}

/** Normalises anything thrown along an RPC path into an RpcError. */
export function toRpcError(err: unknown): RpcError {
  if (err instanceof RpcError) {
    return err;
  }
  if (err instanceof UploadError) {
    return new RpcError(isErrorCode(err.code) ? err.code : 'INTERNAL', err.message);
  }
  return new RpcError('INTERNAL', err instanceof Error ? err.message : 'Unexpected error.');
}
