/**
 * The core's push events, fanned out to whichever transport is attached.
 */
import type { EventName, EventPayload } from '../../shared/ipc/events';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** A tiny typed event bus. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch (err) {
        // A broken listener (a closed socket) must not stop the others or the job.
        console.error('[events]', err);
      }
    }
  }
}
