/**
 * Where the leads of a run come from (IO): replica records by id (or all of them), or the rows
 * of an import batch as Zoho would receive them (mapping, transforms, edits and lookups
 * applied; excluded rows left out).
 */
import type { LeadSource } from '../../../shared/domain/convert';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { BatchMapping } from '../../../shared/domain/batch';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { BatchRepo } from '../db/repos/batch-repo';
import { BatchStateRepo } from '../db/repos/batch-state-repo';
import type { LeadSelection } from '../db/repos/convert-repo';
import { ReplicaRecordsRepo } from '../db/repos/replica-records-repo';
import { ReplicaRepo } from '../db/repos/replica-repo';
import { computeRow, rowContext, sourceOf } from '../engines/batch/compute-row';
import { replicaLookup } from '../engines/batch/replica-lookup';

/** The leads of a selection and how many there are. */
export interface LeadStream {
  total: number;
  leads: Iterable<LeadSource>;
}

/** Leads of the replica: the given ids (all must exist), or every lead. */
export function replicaLeads(db: Db, ids: readonly string[] | null): LeadStream {
  const records = new ReplicaRecordsRepo(db);
  if (ids !== null) {
    const missing = ids.filter((id) => !records.has('Leads', id));
    if (missing.length > 0) {
      throw new AppError('RECORD_NOT_FOUND', `No Lead with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''} in the replica.`);
    }
    return {
      total: ids.length,
      leads: (function* () {
        for (const id of ids) yield { key: id, id, batchRow: null, values: records.get('Leads', id) ?? {} };
      })(),
    };
  }
  const keys = new ReplicaRepo(db).columns('Leads').map((c) => c.key);
  return {
    total: records.count('Leads'),
    leads: (function* () {
      for (const r of records.iterate('Leads', keys)) yield { key: r.id, id: r.id, batchRow: null, values: r.values };
    })(),
  };
}

/** Rows of a Leads batch (all, or the given row numbers), computed as Zoho would receive them. */
export function batchLeads(db: Db, batchId: number, rows: readonly number[] | null, leadFields: readonly FieldMeta[]): LeadStream {
  const batches = new BatchRepo(db);
  const b = batches.get(batchId);
  if (!b) throw new AppError('BATCH_NOT_FOUND', `There is no batch ${batchId} in this workspace.`);
  if (b.module !== 'Leads') throw new AppError('BAD_REQUEST', `Batch ${batchId} holds ${b.module}, not Leads: only leads convert.`);
  const state = new BatchStateRepo(db);
  const ctx = rowContext(b.header, JSON.parse(b.mappingJson) as BatchMapping, leadFields, replicaLookup(new ReplicaRepo(db)));
  const edits = state.edits(batchId);
  const excluded = state.excludedRows(batchId);
  const wanted = rows === null ? null : new Set(rows);
  const total = rows === null ? b.rowCount - excluded.size : rows.filter((r) => !excluded.has(r)).length;
  return {
    total,
    leads: (function* () {
      let after = 0;
      for (;;) {
        const page = wanted !== null && wanted.size <= 1000 ? (after === 0 ? batches.rowsByNumbers(batchId, [...wanted]) : []) : batches.rowsAfter(batchId, after, 4096);
        if (page.length === 0) return;
        after = page[page.length - 1]?.rowNo ?? Number.MAX_SAFE_INTEGER;
        for (const r of page) {
          if (excluded.has(r.rowNo) || (wanted !== null && !wanted.has(r.rowNo))) continue;
          const computed = computeRow(sourceOf(r), ctx, edits.get(r.rowNo));
          const values: Record<string, string> = {};
          for (const [field, v] of computed.values) if (v.value !== '') values[field] = v.value;
          yield { key: `row:${r.rowNo}`, id: null, batchRow: r.rowNo, values };
        }
        if (wanted !== null && wanted.size <= 1000) return;
      }
    })(),
  };
}

/** The leads a selection names. */
export function selectedLeads(db: Db, selection: LeadSelection, leadFields: readonly FieldMeta[]): LeadStream {
  return selection.kind === 'replica' ? replicaLeads(db, selection.ids) : batchLeads(db, selection.batch, selection.rows, leadFields);
}
