/**
 * Loading a CSV export into a module that already has records: one transaction on this
 * thread, upserting every record by id straight into the module's table.
 *
 * The staged path (load-csv.ts) pays for its speed with a second copy of every record, from the
 * stage into the table; into an empty module that copy is a rename, but into a filled one it is
 * a second upsert of the whole file, and a reload of a million records measured a third more CPU
 * that way than this one. So a reload keeps the single transaction: readers still see the old
 * records until it commits, and a cancel or a failure rolls it back.
 */
import type { Db } from '../../db/open';
import type { RecordWriter, ReplicaRepo } from '../../db/repos/replica-repo';
import { parseCsvInThread } from '../csv/parse-csv-in-thread';
import { addRecords, csvFormat } from './csv-records';
import { planHeader, type HeaderPlan } from './header-plan';
import type { LoadHelpers, ReplicaLoadJob } from './load-types';
import type { CsvLoaded } from './load-csv';

/** Loads a CSV into the module's own table; `finish` runs inside the load's transaction. */
export async function loadCsvDirect(
  job: ReplicaLoadJob,
  db: Db,
  repo: ReplicaRepo,
  source: { kind: 'csv' | 'zip'; size: number },
  h: LoadHelpers,
  finish: (loaded: Omit<CsvLoaded, 'swap'>, swap: CsvLoaded['swap']) => void,
): Promise<CsvLoaded> {
  db.exec('BEGIN IMMEDIATE');
  try {
    repo.ensureModule(job.module, job.now);
    const before = repo.count(job.module);
    let plan: HeaderPlan | null = null;
    let upsert: RecordWriter | null = null;
    let headerWidth = 0;
    const values: (string | null)[] = [];
    const { total } = await parseCsvInThread(job.workerPath, { file: job.filePath, kind: source.kind, size: source.size, delimiter: ',' }, {
      onProgress(done, all) {
        h.report(done, all, h.tally.loaded);
      },
      onHeader(header) {
        plan = planHeader(header, job.fields);
        const cols = repo.ensureColumns(job.module, plan.columns.map((c) => c.key), job.now);
        upsert = repo.prepareUpsert(repo.tableOf(job.module) ?? '', plan.columns.map((c) => cols.get(c.key) ?? ''), before === 0);
        headerWidth = header.length;
      },
      onBatch(batch, rowOffset) {
        h.checkCancel();
        const p = plan as HeaderPlan | null;
        const write = upsert as RecordWriter | null;
        if (p && write) addRecords(batch, rowOffset, p, headerWidth, values, write, h.tally, h.reject);
      },
    });
    (upsert as RecordWriter | null)?.flush();
    h.report(total, total, h.tally.loaded, true);
    h.checkCancel();
    const finalPlan = plan as HeaderPlan | null;
    const found = { format: csvFormat(source.kind, finalPlan?.style ?? 'api'), unknown: finalPlan ? finalPlan.unknown : [] };
    const swap = { before, after: repo.count(job.module), replaced: false };
    finish(found, swap);
    db.exec('COMMIT');
    return { ...found, swap };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
