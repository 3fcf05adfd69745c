/**
 * Push events from the core to the renderer, with their payload schemas.
 */
import { z } from 'zod';

export const events = {
  'job.progress': z.object({
    jobId: z.string(),
    kind: z.string(),
    phase: z.string(),
    done: z.number(),
    total: z.number(),
    rows: z.number().int(),
  }),
  'replica.changed': z.object({ module: z.string() }),
  'metadata.changed': z.object({ module: z.string() }),
  'workspace.changed': z.object({ path: z.string() }),
} as const;

export type EventMap = typeof events;
export type EventName = keyof EventMap;
export type EventPayload<E extends EventName> = z.infer<EventMap[E]>;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

export const EVENT_NAMES = Object.keys(events) as EventName[];
