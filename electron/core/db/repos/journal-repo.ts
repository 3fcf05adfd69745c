/**
 * SQL for the undo journal: every change to a batch is an entry with what it replaced.
 */
import type { Db } from '../open';

export interface JournalEntry {
  id: number;
  kind: string;
  payload: string;
}

/** Repository of the per-batch undo/redo journal. */
export class JournalRepo {
  constructor(private readonly db: Db) {}

  /** Records a change; recording drops whatever could have been redone. */
  append(batchId: number, kind: string, payload: unknown, now: string): void {
    this.db.prepare('DELETE FROM batch_journal WHERE batch_id = ? AND undone = 1').run(batchId);
    this.db.prepare('INSERT INTO batch_journal (batch_id, kind, payload, created_at) VALUES (?, ?, ?, ?)').run(batchId, kind, JSON.stringify(payload), now);
  }

  /** The latest change still in effect. */
  lastDone(batchId: number): JournalEntry | null {
    return (this.db.prepare('SELECT id, kind, payload FROM batch_journal WHERE batch_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1').get(batchId) as JournalEntry | undefined) ?? null;
  }

  /** The earliest undone change (the next to redo). */
  firstUndone(batchId: number): JournalEntry | null {
    return (this.db.prepare('SELECT id, kind, payload FROM batch_journal WHERE batch_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1').get(batchId) as JournalEntry | undefined) ?? null;
  }

  /** Forgets the latest change (one whose follow-up was cancelled, so it never took effect). */
  dropLast(batchId: number): void {
    this.db.prepare('DELETE FROM batch_journal WHERE id = (SELECT max(id) FROM batch_journal WHERE batch_id = ?)').run(batchId);
  }

  markUndone(id: number, undone: boolean): void {
    this.db.prepare('UPDATE batch_journal SET undone = ? WHERE id = ?').run(undone ? 1 : 0, id);
  }
}
