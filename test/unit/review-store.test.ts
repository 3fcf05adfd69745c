/**
 * The review slice's paging and selection against a fake core: only the pages on screen are
 * read, the first row is selected and opened, keys move the selection across pages, a
 * decision under "Open" moves on to the next row, stale replies are dropped, and bulk accept
 * confirms only the count it showed.
 */
import { describe, expect, it } from 'vitest';
import type { ReviewDecision } from '../../shared/domain/review';
import type { Channel, Req, Res } from '../../shared/ipc/contract';
import type { EventName, EventPayload } from '../../shared/ipc/events';
import { RpcError, type Client } from '../../renderer/src/api/client';
import { createAppStore } from '../../renderer/src/store';
import { QUEUE_PAGE_SIZE, queueItemAt } from '../../renderer/src/store/review-queue-pages';

type Call = { channel: Channel; req: unknown };

/** A core whose batch 7 has `rows` queue rows (row numbers 1..rows, best first = row order). */
function fakeCore(rows: number) {
  const calls: Call[] = [];
  const decisions = new Map<number, ReviewDecision>();
  let hold: Array<() => void> | null = null;
  let cancelled = false;
  const counts = (): Res<'review.counts'> => ({
    open: rows - decisions.size,
    merge: [...decisions.values()].filter((d) => d.action === 'merge').length,
    create: [...decisions.values()].filter((d) => d.action === 'create').length,
    skip: [...decisions.values()].filter((d) => d.action === 'skip').length,
    mergeRow: 0,
    canUndo: decisions.size > 0,
    canRedo: false,
  });
  const run = { batch: 7, ranAt: '2026-12-03T10:00:00Z', against: ['Contacts'], rows, rowsWithCandidates: rows, rowsInClusters: 0, clusters: 0, byModule: { Contacts: rows }, exactRows: rows, threshold: 0.7, durationMs: 5 };
  /** The rows a filter lists from `offset` on (at most `limit`), and how many it lists in all. */
  function listed(filter: string, offset: number, limit: number): { total: number; rows: number[] } {
    const keep = (r: number): boolean => filter === 'all' || (filter === 'open') !== decisions.has(r);
    const total = filter === 'all' ? rows : filter === 'open' ? rows - decisions.size : decisions.size;
    const out: number[] = [];
    let seen = 0;
    for (let r = 1; r <= rows && out.length < limit; r++) {
      if (!keep(r)) continue;
      if (seen++ >= offset) out.push(r);
    }
    return { total, rows: out };
  }
  function reply(channel: Channel, req: unknown): unknown {
    switch (channel) {
      case 'dedupe.status':
        return { run, stale: false, counts: counts() };
      case 'batch.summary':
        return { batch: 7, module: 'Leads', sourceName: 'leads.csv', rows, canUndo: decisions.size > 0, canRedo: false };
      case 'review.queue': {
        const { offset, limit, filter } = req as Req<'review.queue'>;
        const list = listed(filter, offset, limit);
        const items = list.rows.map((row) => ({
          row,
          title: `Person ${row}`,
          bestScore: 0.9,
          bestModule: 'Contacts',
          bestTitle: `Contact ${row}`,
          bestRule: 'email',
          candidates: 1,
          cluster: null,
          decision: decisions.get(row) ?? null,
        }));
        return { total: list.total, items };
      }
      case 'review.item': {
        const { row } = req as Req<'review.item'>;
        return {
          row,
          title: `Person ${row}`,
          module: 'Leads',
          incoming: [{ field: 'Email', label: 'Email', value: `p${row}@example.com` }],
          candidates: [
            {
              module: 'Contacts',
              id: `c${row}`,
              title: `Contact ${row}`,
              subtitle: '',
              score: 0.9,
              rule: 'email',
              matched: [{ field: 'Email', value: `p${row}@example.com`, how: 'exact', similarity: 1 }],
              locked: false,
              fields: [
                { field: 'Email', label: 'Email', existing: `p${row}@example.com`, incoming: `p${row}@example.com`, same: true, matched: true },
                { field: 'Title', label: 'Title', existing: '', incoming: 'CTO', same: false, matched: false },
                { field: 'Phone', label: 'Phone', existing: '555', incoming: '556', same: false, matched: false },
              ],
            },
          ],
          cluster: null,
          decision: decisions.get(row) ?? null,
        };
      }
      case 'review.decide': {
        const { rows: decided, decision } = req as Req<'review.decide'>;
        for (const r of decided) {
          if (decision === null) decisions.delete(r);
          else decisions.set(r, decision);
        }
        return counts();
      }
      case 'review.bulkPreview':
        return { rows: Math.round(rows * (1 - (req as Req<'review.bulkPreview'>).minScore) * 10), toReplica: 1, inBatch: 0, created: 0, alreadyDecided: 0, locked: 0 };
      case 'review.bulkAccept':
        return { ...counts(), decided: 3 };
      case 'job.cancel':
        cancelled = true;
        return { cancelled: true };
      case 'dedupe.run':
        if (cancelled) throw new RpcError('CANCELLED', 'The dedupe run was cancelled.');
        return run;
      default:
        return {};
    }
  }
  const client: Client = {
    kind: 'host',
    async invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
      calls.push({ channel, req });
      if (hold !== null && channel !== 'job.cancel') await new Promise<void>((resolve) => hold?.push(resolve));
      return reply(channel, req) as Res<C>;
    },
    on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void) {
      void event;
      void cb;
      return () => undefined;
    },
    async upload() {
      return 'a'.repeat(32);
    },
  };
  return {
    client,
    calls,
    decisions,
    queueOffsets: () => calls.filter((c) => c.channel === 'review.queue').map((c) => (c.req as Req<'review.queue'>).offset),
    itemRows: () => calls.filter((c) => c.channel === 'review.item').map((c) => (c.req as Req<'review.item'>).row),
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

async function openOn(rows: number) {
  const core = fakeCore(rows);
  const store = createAppStore(core.client);
  await store.getState().openReview(7);
  await settle();
  return { core, store, s: () => store.getState().review };
}

describe('review queue paging and selection', () => {
  it('reads only the first page of a million-row queue and opens its first row', async () => {
    const { core, s } = await openOn(1_000_000);
    expect(s().queue.total).toBe(1_000_000);
    expect(core.queueOffsets()).toEqual([0]);
    expect(s().selectedIndex).toBe(0);
    expect(s().item?.row).toBe(1);
    expect(s().draft?.tab).toEqual({ kind: 'candidate', index: 0 });
  });

  it('keeps a bounded cache while the list scrolls through many pages', async () => {
    const { store, s } = await openOn(1_000_000);
    for (let start = 0; start < 30 * QUEUE_PAGE_SIZE; start += QUEUE_PAGE_SIZE) {
      store.getState().ensureQueueRows(start + 5, start + 40);
      await settle(60);
    }
    expect(Object.keys(s().queue.pages).length).toBeLessThanOrEqual(6);
    expect(queueItemAt(s().queue, 29 * QUEUE_PAGE_SIZE + 5)?.row).toBe(29 * QUEUE_PAGE_SIZE + 6);
  });

  it('moves the selection with next/previous, reading the next page when the move crosses into it', async () => {
    const { core, store, s } = await openOn(1000);
    store.getState().selectQueueIndex(QUEUE_PAGE_SIZE - 1);
    await settle();
    expect(s().item?.row).toBe(QUEUE_PAGE_SIZE);
    store.getState().moveQueueSelection(1);
    await settle();
    expect(core.queueOffsets()).toContain(QUEUE_PAGE_SIZE);
    expect(s().selectedIndex).toBe(QUEUE_PAGE_SIZE);
    expect(s().item?.row).toBe(QUEUE_PAGE_SIZE + 1);
    store.getState().moveQueueSelection(-1);
    await settle();
    expect(s().item?.row).toBe(QUEUE_PAGE_SIZE);
    // Past the ends the selection stays on the first or last row.
    store.getState().selectQueueIndex(5000);
    await settle();
    expect(s().selectedIndex).toBe(999);
    expect(s().item?.row).toBe(1000);
  });

  it('prefetches the rows after the selection so next shows at once', async () => {
    const { core } = await openOn(50);
    expect(core.itemRows()).toEqual(expect.arrayContaining([1, 2, 3]));
  });

  it('moves on to the next open row after a decision under Open, and to the next row under All', async () => {
    const { core, store, s } = await openOn(10);
    await store.getState().decideSelected('skip');
    await settle();
    expect(core.decisions.get(1)).toEqual({ action: 'skip' });
    expect(s().queue.total).toBe(9);
    expect(s().selectedIndex).toBe(0);
    expect(s().item?.row).toBe(2);
    expect(s().counts?.skip).toBe(1);

    store.getState().setReviewFilter('all');
    await settle();
    store.getState().selectQueueIndex(3);
    await settle();
    expect(s().item?.row).toBe(4);
    await store.getState().decideSelected('create');
    await settle();
    expect(s().selectedIndex).toBe(4);
    expect(s().item?.row).toBe(5);
  });

  it('sends the per-field picks of a merge, starting from what the rule would do', async () => {
    const { core, store, s } = await openOn(3);
    // Fill blanks: Title (blank on the record) takes the incoming value, Phone keeps 555.
    store.getState().setFieldWinner('Phone', 'incoming');
    expect(s().draft?.rule).toBe('pick');
    await store.getState().decideSelected('merge');
    expect(core.decisions.get(1)).toEqual({
      action: 'merge',
      module: 'Contacts',
      id: 'c1',
      rule: 'pick',
      picks: { Email: 'existing', Title: 'incoming', Phone: 'incoming' },
    });
  });

  it('drops queue replies to a filter that was replaced meanwhile', async () => {
    const { core, store, s } = await openOn(10);
    await store.getState().decideSelected('skip');
    await settle();
    core.holdReplies();
    store.getState().setReviewFilter('decided');
    store.getState().setReviewFilter('all');
    core.release();
    await settle();
    expect(s().filter).toBe('all');
    expect(s().queue.total).toBe(10);
  });

  it('confirms a bulk accept only for the score whose count it showed', async () => {
    const { core, store } = await openOn(100);
    store.getState().openBulk();
    await settle();
    core.holdReplies();
    store.getState().setBulkScore(0.8);
    await store.getState().confirmBulk();
    expect(core.calls.some((c) => c.channel === 'review.bulkAccept')).toBe(false);
    await settle(200);
    core.release();
    await settle();
    expect(store.getState().bulk.previewFor).toBe(0.8);
    await store.getState().confirmBulk();
    const accept = core.calls.find((c) => c.channel === 'review.bulkAccept');
    expect(accept?.req).toEqual({ batch: 7, minScore: 0.8, rule: 'fill-blanks' });
    expect(store.getState().bulk.open).toBe(false);
  });

  it('follows its own dedupe job\'s progress and keeps the previous run when cancelled', async () => {
    const { core, store } = await openOn(10);
    core.holdReplies();
    const done = store.getState().findDuplicates(7);
    await settle(10);
    const job = store.getState().dedupeJob;
    expect(job?.jobId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    store.getState().onDedupeProgress({ jobId: 'another-job-id', kind: 'dedupe.run', phase: 'matching', done: 9, total: 10, rows: 9 });
    store.getState().onDedupeProgress({ jobId: job?.jobId ?? '', kind: 'dedupe.run', phase: 'matching', done: 3, total: 10, rows: 30 });
    expect(store.getState().dedupeJob?.progress?.rows).toBe(30);
    store.getState().cancelFindDuplicates();
    await settle(10);
    expect(core.calls.some((c) => c.channel === 'job.cancel' && (c.req as { jobId: string }).jobId === job?.jobId)).toBe(true);
    core.release();
    await done;
    expect(store.getState().dedupeJob).toBeNull();
    expect(store.getState().review.notice).toMatch(/cancelled; the previous results .* are kept/);
    expect(store.getState().review.run?.ranAt).toBe('2026-12-03T10:00:00Z');
  });
});
