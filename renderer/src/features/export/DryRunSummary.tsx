/**
 * The dry run: per job its module, operation, stage and rows; per batch what is left out and
 * why, which columns are left out, and which lookups wait for or find records of stage 1.
 */
import type { ReactNode } from 'react';
import { formatCount } from '../../components/format';
import type { ExportPlan } from '../../store/export-slice';

const REASON_TEXT: Record<string, string> = {
  excluded: 'excluded by you',
  'has errors': 'left out for errors (fix them on the batch screen)',
  'waits for stage 1': 'waiting for stage 1’s result (their lookup has no unique field to find it by)',
  'skipped in review': 'skipped in the duplicate review',
  'merged into another row': 'merged into another row in the review',
  'merge changes nothing': 'merged into a record that already holds every value they bring (no update needed)',
  'merge target not in the replica': 'merged into a record that is no longer in the replica (reload it, or review them again)',
};

type PlannedBatch = ExportPlan['batches'][number];

/** "From the review: 1 row created as new (insert), 2 rows merged into existing records (update by id)." */
function reviewLine(r: PlannedBatch['review']): string | null {
  const parts = [
    r.inserted > 0 ? `${rows(r.inserted)} created as new (insert)` : '',
    r.updated > 0 ? `${rows(r.updated)} merged into ${r.updated === 1 ? 'an existing record' : 'existing records'} (update by id)` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? null : `From the review: ${parts.join(', ')}.`;
}

/** "row 5 into row 6, row 9 into row 2, …". */
function mergedPairs(r: PlannedBatch['review']): string {
  return `${r.mergedInto.map((m) => `row ${m.row} into row ${m.survivor}`).join(', ')}${r.mergedInto.length < r.mergedRows ? ', …' : ''}`;
}

/** "6 insert, 1 update" for one batch's jobs. */
function byOperation(plan: ExportPlan, batch: number): string {
  const n = new Map<string, number>();
  for (const j of plan.jobs) if (j.batch === batch) n.set(j.operation, (n.get(j.operation) ?? 0) + j.rows);
  return [...n].map(([op, count]) => `${formatCount(count)} ${op}`).join(', ');
}

const rows = (n: number): string => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;

/** Plan tables. */
export function DryRunSummary({ plan, written }: { plan: ExportPlan; written: boolean }): ReactNode {
  const total = plan.jobs.reduce((n, j) => n + j.rows, 0);
  return (
    <section className="import-section export-summary" aria-label={written ? 'What was written' : 'Dry run'}>
      <h3 className="section-title">{written ? 'Written' : 'Dry run'}: {plan.jobs.length} job(s), {formatCount(total)} record(s), {formatCount(plan.apiCredits)} API credits</h3>
      {plan.jobs.length === 0 ? (
        <p className="notice notice-warning">No row can be uploaded: every row is left out (see below).</p>
      ) : (
        <div className="preview-scroll">
          <table className="preview-table export-table" aria-label="Jobs">
            <thead>
              <tr>
                <th>Job</th>
                <th>Stage</th>
                <th>Module</th>
                <th>Operation</th>
                <th>Batch</th>
                <th>Rows</th>
                <th>From review</th>
                <th>Source rows</th>
                <th>First columns (row key)</th>
                <th>Upload after</th>
                {written && <th>ZIP</th>}
              </tr>
            </thead>
            <tbody>
              {plan.jobs.map((j) => (
                <tr key={j.job}>
                  <td>{j.job}</td>
                  <td>{j.stage}</td>
                  <td>{j.module.replace(/_/g, ' ')}</td>
                  <td>
                    {j.operation}
                    {j.findBy !== null ? ` by ${j.findBy}` : ''}
                  </td>
                  <td>#{j.batch}</td>
                  <td>{formatCount(j.rows)}</td>
                  <td>{j.fromReview > 0 ? formatCount(j.fromReview) : '—'}</td>
                  <td>
                    {j.firstRow}–{j.lastRow}
                  </td>
                  <td className="mono">{j.columns.slice(0, 3).join(', ')}</td>
                  <td>{j.afterJobs.length > 0 ? `job ${j.afterJobs.join(', ')}` : '—'}</td>
                  {written && <td className="mono">{j.zip}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ul className="export-batch-notes">
        {plan.batches.map((b) => (
          <li key={b.batch}>
            <strong>
              Batch #{b.batch} ({b.module.replace(/_/g, ' ')}, {b.source}):
            </strong>{' '}
            {b.review.inserted + b.review.updated > 0 ? `${formatCount(b.exported)} of ${rows(b.rows)} go to Zoho (${byOperation(plan, b.batch)}).` : `${formatCount(b.exported)} of ${rows(b.rows)} go to ${plan.operation}.`}
            {b.leftOut.map((l) => (
              <span key={l.reason}>
                {' '}
                {rows(l.rows)} {REASON_TEXT[l.reason] ?? l.reason}
                {l.reason === 'merged into another row' && b.review.mergedInto.length > 0 ? ` (${mergedPairs(b.review)})` : ''}.
              </span>
            ))}
            {reviewLine(b.review) !== null && <div className="export-review-line">{reviewLine(b.review)}</div>}
            {b.columnsLeftOut.map((c) => (
              <div key={c.field} className="muted">
                Column {c.field} is left out: {c.reason}.
              </div>
            ))}
          </li>
        ))}
      </ul>
      {plan.notes.map((n) => (
        <p key={n} className="notice">
          {n}
        </p>
      ))}
    </section>
  );
}
