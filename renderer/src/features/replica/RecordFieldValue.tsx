/**
 * The value of one record field: plain text, a lookup link, or a line-item table.
 */
import type { ReactNode } from 'react';
import type { RecordRef } from '../../store/record-slice';
import type { RecordField } from '../../store/types';

/** Props of RecordFieldValue. */
export interface RecordFieldValueProps {
  field: RecordField;
  onOpenLookup(ref: RecordRef): void;
}

/** Renders the value the way its data type reads best. */
export function RecordFieldValue({ field, onOpenLookup }: RecordFieldValueProps): ReactNode {
  if (field.items !== null) {
    return <LineItems label={field.label} items={field.items} />;
  }
  const text = field.display !== '' ? field.display : field.value;
  if (field.lookup !== null) {
    const target = field.lookup;
    return (
      <button type="button" className="link-button" onClick={() => onOpenLookup(target)} title={`Open in ${target.module}`}>
        {text !== '' ? text : target.id}
      </button>
    );
  }
  return <span className="field-text">{text}</span>;
}

function LineItems({ label, items }: { label: string; items: Array<Record<string, string>> }): ReactNode {
  if (items.length === 0) {
    return <span className="muted">No items</span>;
  }
  // Items of one subform share keys, but older exports may omit empty ones, so take the union.
  const keys = Array.from(new Set(items.flatMap((item) => Object.keys(item))));
  return (
    <div className="items-scroll">
      <table className="items-table">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            {keys.map((k) => (
              <th key={k} scope="col">
                {k.replace(/_/g, ' ')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item, i) => (
            <tr key={i}>
              {keys.map((k) => (
                <td key={k}>{item[k] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
