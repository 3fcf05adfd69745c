/**
 * A select of the module's fields for one column: writable fields to choose from, fields
 * another column already fills disabled (one column per field), read-only fields shown but
 * never choosable.
 */
import type { ReactNode } from 'react';
import type { FieldMeta } from '../../store/types';

/** Props of FieldSelect. */
export interface FieldSelectProps {
  /** Accessible name, e.g. "Field for Email 1". */
  label: string;
  value: string | null;
  fields: readonly FieldMeta[];
  /** Field -> the column that fills it. */
  owners: ReadonlyMap<string, string>;
  /** The column this select belongs to (its own field stays enabled). */
  column: string;
  disabled?: boolean;
  /** Text of the empty choice. */
  emptyLabel?: string;
  onChange(field: string | null): void;
}

function byLabel(a: FieldMeta, b: FieldMeta): number {
  return a.label.localeCompare(b.label, undefined, { sensitivity: 'base' });
}

/** The field picker of a mapping row. */
export function FieldSelect(props: FieldSelectProps): ReactNode {
  const { label, value, fields, owners, column, disabled = false, emptyLabel = 'Don’t import', onChange } = props;
  const counts = new Map<string, number>();
  for (const f of fields) counts.set(f.label, (counts.get(f.label) ?? 0) + 1);
  const name = (f: FieldMeta): string => ((counts.get(f.label) ?? 0) > 1 ? `${f.label} (${f.apiName})` : f.label);

  const option = (f: FieldMeta): ReactNode => {
    const owner = owners.get(f.apiName);
    const taken = owner !== undefined && owner !== column && f.apiName !== value;
    return (
      <option key={f.apiName} value={f.apiName} disabled={taken}>
        {taken ? `${name(f)} — used by “${owner}”` : name(f)}
      </option>
    );
  };

  const writable = fields.filter((f) => !f.readOnly);
  const mandatory = writable.filter((f) => f.systemMandatory).sort(byLabel);
  const others = writable.filter((f) => !f.systemMandatory).sort(byLabel);
  const readOnly = fields.filter((f) => f.readOnly).sort(byLabel);
  const known = value === null || fields.some((f) => f.apiName === value);

  return (
    <select
      className="input field-select"
      aria-label={label}
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{emptyLabel}</option>
      {!known && value !== null && <option value={value}>{value} (not a field of this module)</option>}
      {mandatory.length > 0 && <optgroup label="Mandatory in Zoho">{mandatory.map(option)}</optgroup>}
      <optgroup label="Fields">{others.map(option)}</optgroup>
      {readOnly.length > 0 && (
        <optgroup label="Read-only in Zoho (cannot be imported)">
          {readOnly.map((f) => (
            <option key={f.apiName} value={f.apiName} disabled>
              {name(f)}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
