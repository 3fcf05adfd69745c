/**
 * What a users load did: how many users, new and updated, active or not, rejected entries, and
 * what it means for the batches.
 */
import type { ReactNode } from 'react';
import { formatCount, formatDuration, plural } from '../../components/format';
import type { UsersLoadResult } from '../../store/types';

const SHOWN_REJECTS = 5;

const FORMAT_NAMES: Record<UsersLoadResult['format'], string> = {
  'users-api-json': 'Users API response',
  'users-csv': 'users CSV',
};

/** The body of the load result panel after a users load. */
export function UsersLoadSummary({ result, fileName }: { result: UsersLoadResult; fileName: string }): ReactNode {
  const more = result.rejected - Math.min(result.rejectedRows.length, SHOWN_REJECTS);
  return (
    <>
      <p className="notice-title">
        Loaded {plural(result.loaded, 'user', 'users')} ({formatCount(result.inserted)} new, {formatCount(result.updated)} updated) ·{' '}
        {formatCount(result.active)} active, {formatCount(result.inactive)} not active
      </p>
      <p className="muted">
        {fileName} · {FORMAT_NAMES[result.format]} · {formatDuration(result.durationMs)} · {plural(result.total, 'user', 'users')} in this workspace
      </p>
      <p>
        Owner and user columns now resolve to these users by id, email or full name. Batches validated before this load
        offer <strong>Re-validate</strong>.
      </p>
      {result.rejected > 0 && (
        <div className="result-block">
          <p>{plural(result.rejected, 'entry was', 'entries were')} not loaded:</p>
          <ul className="reject-list">
            {result.rejectedRows.slice(0, SHOWN_REJECTS).map((r) => (
              <li key={r.row}>
                Row {formatCount(r.row)}: {r.reason}
              </li>
            ))}
            {more > 0 && <li className="muted">…and {formatCount(more)} more</li>}
          </ul>
        </div>
      )}
    </>
  );
}
