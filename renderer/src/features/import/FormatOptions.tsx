/**
 * The settings of a column's value format: date order, time zone, phone form, decimal
 * separator, picklist value table, multi-select separator, lookup key.
 */
import { useId, type ReactNode } from 'react';
import { useAppStore } from '../../store';
import type { ColumnPlan, FormatTransform } from '../../store/mapping-plan';
import type { FieldMeta } from '../../store/types';
import { DATE_ORDERS, distinctValues } from './import-options';

/** Props of FormatOptions. */
export interface FormatOptionsProps {
  index: number;
  plan: ColumnPlan;
  format: FormatTransform;
  field: FieldMeta | undefined;
}

/** Distinct values offered in the picklist table (from the preview rows). */
const PICKLIST_VALUES = 40;

type DateOrder = Extract<FormatTransform, { kind: 'date' }>['order'];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** Options for the chosen format. */
export function FormatOptions({ index, plan, format, field }: FormatOptionsProps): ReactNode {
  const updatePlan = useAppStore((s) => s.updatePlan);
  const rows = useAppStore((s) => s.importState.sampleRows);
  const ambiguous = useAppStore((s) => s.importState.ambiguousDateColumns.includes(plan.column));
  const id = useId();
  const set = (next: FormatTransform): void => updatePlan(index, { format: next });

  switch (format.kind) {
    case 'date':
    case 'datetime': {
      const order = (
        <div className="field">
          <label htmlFor={`${id}-order`}>Date order</label>
          <select
            id={`${id}-order`}
            className="input"
            value={format.order}
            onChange={(e) => set({ ...format, order: e.target.value as DateOrder })}
          >
            {DATE_ORDERS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
      return (
        <div className="format-options">
          {order}
          {format.kind === 'datetime' && (
            <div className="field">
              <label htmlFor={`${id}-tz`}>Time zone</label>
              <input
                id={`${id}-tz`}
                className="input"
                list={`${id}-zones`}
                value={format.timeZone}
                onChange={(e) => set({ ...format, timeZone: e.target.value })}
                spellCheck={false}
              />
              <datalist id={`${id}-zones`}>
                {timeZones().map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </div>
          )}
          <p className="muted format-note">
            {ambiguous
              ? 'This column has values like 03/04 that read differently in day/month and month/day order; the order you declare applies to every cell.'
              : 'Written to Zoho as yyyy-MM-dd' + (format.kind === 'datetime' ? 'THH:mm:ss±HH:mm.' : '.')}
          </p>
        </div>
      );
    }
    case 'phone':
      return (
        <div className="format-options">
          <label className="check" htmlFor={`${id}-e164`}>
            <input id={`${id}-e164`} type="checkbox" checked={format.e164} onChange={(e) => set({ ...format, e164: e.target.checked })} />
            E.164 (+ and country code)
          </label>
          <div className="field">
            <label htmlFor={`${id}-country`}>Default country</label>
            <input
              id={`${id}-country`}
              className="input input-narrow"
              value={format.defaultCountry ?? ''}
              placeholder="US"
              maxLength={2}
              disabled={!format.e164}
              onChange={(e) => {
                const v = e.target.value.toUpperCase().replace(/[^A-Z]/g, '');
                set({ ...format, defaultCountry: v.length === 2 ? v : null });
              }}
            />
          </div>
          <p className="muted format-note">Layout characters and extensions go; letters and spreadsheet remains such as “-1199” are errors.</p>
        </div>
      );
    case 'number':
      return (
        <div className="format-options">
          <div className="field">
            <label htmlFor={`${id}-dec`}>Decimal separator</label>
            <select
              id={`${id}-dec`}
              className="input"
              value={format.decimal}
              onChange={(e) => set({ ...format, decimal: e.target.value === ',' ? ',' : '.' })}
            >
              <option value=".">Point (1,234.56)</option>
              <option value=",">Comma (1.234,56)</option>
            </select>
          </div>
        </div>
      );
    case 'boolean':
      return (
        <p className="muted format-note">yes/no, true/false, 1/0 and x become true or false; anything else is an error.</p>
      );
    case 'multiselect':
      return (
        <div className="format-options">
          <div className="field">
            <label htmlFor={`${id}-sep`}>Separator between values</label>
            <input
              id={`${id}-sep`}
              className="input input-narrow"
              value={format.separator}
              maxLength={5}
              onChange={(e) => set({ ...format, separator: e.target.value === '' ? ',' : e.target.value })}
            />
          </div>
          <p className="muted format-note">Values are joined with “;”, as Zoho expects.</p>
        </div>
      );
    case 'lookup':
      return (
        <div className="format-options">
          <div className="field">
            <label htmlFor={`${id}-by`}>Find the record by</label>
            <select
              id={`${id}-by`}
              className="input"
              value={format.by}
              onChange={(e) => set({ ...format, by: e.target.value as typeof format.by })}
            >
              <option value="name">Name</option>
              <option value="email">Email</option>
              <option value="id">Record ID</option>
            </select>
          </div>
          <p className="muted format-note">
            Resolved to record IDs through the replica{field?.lookupModule ? ` of ${field.lookupModule}` : ''}; a name that
            matches several records is reported as an error, never picked.
          </p>
        </div>
      );
    case 'picklist':
      return <PicklistTable index={index} plan={plan} format={format} field={field} values={distinctValues(rows, index, PICKLIST_VALUES)} />;
  }
}

interface PicklistTableProps {
  index: number;
  plan: ColumnPlan;
  format: Extract<FormatTransform, { kind: 'picklist' }>;
  field: FieldMeta | undefined;
  values: string[];
}

/** Source value -> picklist value, for the values seen in the preview. */
function PicklistTable({ index, plan, format, field, values }: PicklistTableProps): ReactNode {
  const updatePlan = useAppStore((s) => s.updatePlan);
  const choices = field?.picklist ?? [];
  const rows = [...new Set([...values, ...Object.keys(format.table)])];

  const setValue = (from: string, to: string): void => {
    const table = { ...format.table };
    if (to === '') delete table[from];
    else table[from] = to;
    updatePlan(index, { format: { kind: 'picklist', table } });
  };

  if (rows.length === 0) {
    return <p className="muted format-note">No values in the preview rows of this column.</p>;
  }
  return (
    <div className="format-options">
      <table className="picklist-table" aria-label={`Picklist values for ${plan.column}`}>
        <thead>
          <tr>
            <th scope="col">Value in the file</th>
            <th scope="col">Becomes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => {
            const current = format.table[v] ?? '';
            const inList = choices.includes(v);
            return (
              <tr key={v}>
                <th scope="row">{v}</th>
                <td>
                  {choices.length > 0 ? (
                    <select className="input" aria-label={`Picklist value for “${v}”`} value={current} onChange={(e) => setValue(v, e.target.value)}>
                      <option value="">{inList ? 'Keep (in the list)' : 'Keep (Zoho adds it)'}</option>
                      {choices.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input className="input" aria-label={`Picklist value for “${v}”`} value={current} placeholder="keep" onChange={(e) => setValue(v, e.target.value)} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted format-note">Values not in the list are kept; Zoho adds them to the picklist, and the batch warns about each.</p>
    </div>
  );
}
