/**
 * What blocks the batch as a whole: mandatory fields nobody fills, undeclared ambiguous
 * dates, ragged rows.
 */
import type { ReactNode } from 'react';
import { formatCount } from '../../components/format';
import { fieldLabel } from '../../store/batch-slice';
import type { BatchSummary, FieldMeta } from '../../store/types';
import { OwnerNotices } from '../users/OwnerNotices';

/** Props of BatchNotices. */
export interface BatchNoticesProps {
  summary: BatchSummary;
  fields: readonly FieldMeta[];
  /** A change is running (the notices' actions wait). */
  busy?: boolean;
}

/** Notices above the toolbar; nothing when all is well. */
export function BatchNotices({ summary, fields, busy = false }: BatchNoticesProps): ReactNode {
  const missing = summary.unmappedMandatory;
  const dates = summary.ambiguousDateColumns;
  if (missing.length === 0 && dates.length === 0 && summary.raggedRows === 0 && summary.notices.length === 0) return null;
  return (
    <div className="batch-notices">
      <OwnerNotices notices={summary.notices} busy={busy} />
      {missing.length > 0 && (
        <p className="notice notice-warning">
          <strong>Mandatory fields not mapped:</strong>{' '}
          {missing.map((f) => `${fieldLabel(fields, f)} (${f})`).join(', ')}. Every row fails in Zoho until a column is
          mapped to {missing.length === 1 ? 'it' : 'them'} (Edit mapping).
        </p>
      )}
      {dates.length > 0 && (
        <p className="notice notice-warning">
          <strong>Ambiguous dates:</strong> {dates.map((c) => `“${c}”`).join(', ')} could be day/month or month/day.
          Declare the order in Edit mapping → Transforms.
        </p>
      )}
      {summary.raggedRows > 0 && (
        <p className="notice notice-warning">
          <strong>
            {formatCount(summary.raggedRows)} {summary.raggedRows === 1 ? 'row has' : 'rows have'} a different number of
            fields than the header.
          </strong>{' '}
          They are kept and marked as errors; check them with the Errors filter.
        </p>
      )}
    </div>
  );
}
