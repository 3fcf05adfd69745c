/**
 * The renderer store's paging: only visible pages are fetched, few are kept, stale replies
 * are dropped, and a load feeds progress and result through the store.
 */
import { describe, expect, it } from 'vitest';
import type { Channel, Req, Res } from '../../shared/ipc/contract';
import type { EventName, EventPayload } from '../../shared/ipc/events';
import { RpcError, type Client } from '../../renderer/src/api/client';
import { createAppStore } from '../../renderer/src/store';
import { PAGE_SIZE } from '../../renderer/src/store/grid-slice';

type Call = { channel: Channel; req: unknown };

/** A client whose replica has `total` rows named r0..rN; replies can be held back. */
function fakeClient(total: number) {
  const calls: Call[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let hold: Array<() => void> | null = null;
  const client: Client = {
    kind: 'host',
    async invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
      calls.push({ channel, req });
      if (hold) {
        await new Promise<void>((resolve) => hold?.push(resolve));
      }
      return reply(channel, req) as Res<C>;
    },
    on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(cb as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(cb as (p: unknown) => void);
    },
    async upload() {
      return 'a'.repeat(32);
    },
  };
  function reply(channel: Channel, req: unknown): unknown {
    switch (channel) {
      case 'app.info':
        return { version: '0', workspace: { path: '/w.db', schemaVersion: 1, isDefault: false } };
      case 'metadata.modules':
        return { modules: [{ module: 'Leads', label: 'Leads', fields: 3, source: 'standard', records: total }] };
      case 'replica.page': {
        const { offset, limit } = req as { offset: number; limit: number };
        const rows = [];
        for (let i = offset; i < Math.min(total, offset + limit); i++) {
          rows.push({ id: `r${i}`, cells: { Last_Name: `Name ${i}` } });
        }
        return { module: 'Leads', total, offset, columns: [{ key: 'Last_Name', label: 'Last Name', dataType: 'text', known: true }], rows };
      }
      case 'replica.load':
        throw new RpcError('CANCELLED', 'The load was cancelled.');
      case 'job.cancel':
        return { cancelled: true };
      default:
        return {};
    }
  }
  return {
    client,
    calls,
    pageOffsets: () => calls.filter((c) => c.channel === 'replica.page').map((c) => (c.req as { offset: number }).offset),
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((cb) => cb(payload)),
    holdReplies: () => {
      hold = [];
    },
    release: () => {
      const pending = hold ?? [];
      hold = null;
      pending.forEach((r) => r());
    },
  };
}

const settle = (ms = 80): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('grid paging', () => {
  it('fetches only the pages covering the visible range and keeps a bounded cache', async () => {
    const fake = fakeClient(1_000_000);
    const store = createAppStore(fake.client);
    store.getState().start();
    await settle();
    expect(store.getState().grid.total).toBe(1_000_000);
    expect(fake.pageOffsets()).toEqual([0]);

    for (let start = 0; start < 40 * PAGE_SIZE; start += PAGE_SIZE) {
      store.getState().ensureRows(start + 10, start + 60);
      await settle(60);
    }
    const cached = Object.keys(store.getState().grid.pages).length;
    expect(cached).toBeLessThanOrEqual(8);
    expect(store.getState().grid.pages[39]?.[10]?.id).toBe(`r${39 * PAGE_SIZE + 10}`);
  });

  it('drops replies to a query that was replaced meanwhile', async () => {
    const fake = fakeClient(500);
    const store = createAppStore(fake.client);
    store.getState().start();
    await settle();
    fake.holdReplies();
    store.getState().setGridSearch('old');
    store.getState().setGridSearch('new');
    fake.release();
    await settle();
    expect(store.getState().grid.search).toBe('new');
    const searches = fake.calls.filter((c) => c.channel === 'replica.page').map((c) => (c.req as { search: string }).search);
    expect(searches).toContain('new');
    expect(store.getState().grid.status).toBe('ready');
  });

  it('follows job progress for its own job and reports a cancel as CANCELLED', async () => {
    const fake = fakeClient(10);
    const store = createAppStore(fake.client);
    store.getState().start();
    await settle();
    fake.holdReplies();
    const file = new File(['id,Last_Name\n1,A\n'], 'a.csv');
    const done = store.getState().loadFile('export', file);
    await settle(10);
    const load = store.getState().load;
    expect(load.phase).toBe('running');
    const jobId = load.phase === 'running' ? load.jobId : null;
    expect(jobId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    fake.emit('job.progress', { jobId: 'someone-else', kind: 'replica.load', phase: 'loading', done: 9, total: 10, rows: 9 });
    fake.emit('job.progress', { jobId, kind: 'replica.load', phase: 'loading', done: 1, total: 4, rows: 250 });
    const running = store.getState().load;
    expect(running.phase === 'running' && running.progress?.rows).toBe(250);
    store.getState().cancelLoad();
    fake.release();
    await done;
    const end = store.getState().load;
    expect(end.phase === 'error' && end.error.code).toBe('CANCELLED');
    expect(fake.calls.some((c) => c.channel === 'job.cancel')).toBe(true);
  });
});
