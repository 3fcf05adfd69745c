/**
 * The mapping table: one row per source column with its field, how sure the suggestion is,
 * and its transforms.
 */
import { useId, useState, type ReactNode } from 'react';
import { useAppStore } from '../../store';
import { fieldOwners } from '../../store/mapping-plan';
import { MappingRow } from './MappingRow';

/** All columns of the file, in file order. */
export function MappingTable(): ReactNode {
  const plans = useAppStore((s) => s.importState.plans);
  const titleId = useId();
  const [open, setOpen] = useState<number | null>(null);
  const owners = fieldOwners(plans);
  const mapped = plans.filter((p) => p.field !== null || p.split !== null).length;

  return (
    <section className="import-section" aria-labelledby={titleId}>
      <h3 className="section-title" id={titleId}>
        Column mapping <span className="muted">· {mapped} of {plans.length} columns imported</span>
      </h3>
      <table className="map-table" aria-label="Column mapping">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Sample values</th>
            <th scope="col">Zoho field</th>
            <th scope="col">Match</th>
            <th scope="col">Transforms</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan, index) => (
            <MappingRow
              key={plan.column + '\u0000' + index}
              index={index}
              plan={plan}
              owners={owners}
              open={open === index}
              onToggle={() => setOpen((o) => (o === index ? null : index))}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
