/**
 * The single entry point every transport calls: validate, run, wrap.
 */
import { contract, isChannel, type Channel, type Handlers } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { AppError, toErrorInfo } from '../../shared/ipc/errors';

/** Validates `payload` for `channel`, runs its handler, and returns an envelope (never throws). */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isChannel(channel)) {
      throw new AppError('UNKNOWN_CHANNEL', `There is no channel called "${channel}".`);
    }
    const spec = contract[channel];
    const parsed = spec.req.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      throw new AppError('BAD_REQUEST', `Invalid request for ${channel}${where}: ${issue?.message ?? 'invalid'}.`);
    }
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    checkResponse(channel, value);
    return { ok: true, value };
  } catch (err) {
    const info = toErrorInfo(err);
    if (info.code === 'INTERNAL') {
      console.error(`[dispatch] ${channel}:`, err);
    }
    return { ok: false, error: info };
  }
}

function checkResponse(channel: Channel, value: unknown): void {
  const res = contract[channel].res.safeParse(value);
  if (!res.success) {
    // A handler broke the contract: that is our bug, so log it and report INTERNAL.
    console.error(`[dispatch] ${channel} returned an invalid response`, res.error.issues.slice(0, 3));
    throw new Error(`invalid response from ${channel}`);
  }
}
