/**
 * What needs attention before importing: mandatory fields nobody fills, ragged rows, dates
 * whose day/month order must be declared.
 */
import type { ReactNode } from 'react';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';
import { fieldOwners } from '../../store/mapping-plan';
import { MappingOwnerNotices } from '../users/MappingOwnerNotices';

const SHOWN_RAGGED = 8;

/** Notices above the mapping table. */
export function MappingNotices(): ReactNode {
  const fields = useAppStore((s) => s.importState.fields);
  const plans = useAppStore((s) => s.importState.plans);
  const preview = useAppStore((s) => s.importState.preview);
  const ambiguous = useAppStore((s) => s.importState.ambiguousDateColumns);

  const owners = fieldOwners(plans);
  const missing = fields.filter((f) => f.systemMandatory && !f.readOnly && !owners.has(f.apiName));
  const ragged = preview?.raggedRows ?? [];
  const dateFields = new Set(fields.filter((f) => f.dataType === 'date' || f.dataType === 'datetime').map((f) => f.apiName));
  const undeclared = ambiguous.filter((c) => {
    const p = plans.find((x) => x.column === c);
    return p !== undefined && p.format?.kind !== 'date' && p.format?.kind !== 'datetime' && p.field !== null && dateFields.has(p.field);
  });

  return (
    <>
      <MappingOwnerNotices />
      {missing.length > 0 && (
        <section className="notice notice-warning" aria-labelledby="missing-mandatory-title">
          <p className="notice-title" id="missing-mandatory-title">
            Mandatory fields not mapped
          </p>
          <p>
            Zoho rejects every row without{' '}
            {missing.map((f, i) => (
              <span key={f.apiName}>
                {i > 0 && (i === missing.length - 1 ? ' and ' : ', ')}
                <strong>{f.label}</strong> <span className="mono">({f.apiName})</span>
              </span>
            ))}
            . Map a column to {missing.length === 1 ? 'it' : 'each'}; a default value can then fill empty cells.
          </p>
        </section>
      )}
      {ragged.length > 0 && (
        <section className="notice notice-warning" aria-labelledby="ragged-title">
          <p className="notice-title" id="ragged-title">
            {formatCount(ragged.length)} {ragged.length === 1 ? 'row has' : 'rows have'} a different number of fields
            than the header
          </p>
          <p>
            {ragged
              .slice(0, SHOWN_RAGGED)
              .map((r) => `row ${formatCount(r.row)} (${r.fields} fields)`)
              .join(', ')}
            {ragged.length > SHOWN_RAGGED ? ', …' : ''} in the part read for the preview (header:{' '}
            {preview?.header.length} fields). They are imported and marked as errors, never dropped.
          </p>
        </section>
      )}
      {undeclared.length > 0 && (
        <section className="notice notice-warning" aria-labelledby="ambiguous-title">
          <p className="notice-title" id="ambiguous-title">
            Ambiguous dates
          </p>
          <p>
            In {undeclared.map((c) => `“${c}”`).join(', ')} day and month could be either way round (e.g. 03/04). Open
            the column's transforms and declare the date order; Preflight never guesses it per cell.
          </p>
        </section>
      )}
    </>
  );
}
