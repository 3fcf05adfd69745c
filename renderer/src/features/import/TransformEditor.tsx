/**
 * A column's declared transforms: trim, case, split name, join, one value format, and the
 * default for empty cells. Each applies to every cell of the column the same way.
 */
import { useId, type ReactNode } from 'react';
import { useAppStore } from '../../store';
import type { CaseTo, ColumnPlan, FormatKind } from '../../store/mapping-plan';
import { defaultFormat, formatForType, FORMAT_LABELS } from './import-options';
import { FormatOptions } from './FormatOptions';
import { isUserField } from '../../../../shared/domain/user-fields';

/** Props of TransformEditor. */
export interface TransformEditorProps {
  index: number;
  plan: ColumnPlan;
  /** The column's display name. */
  name: string;
  owners: ReadonlyMap<string, string>;
}

const FORMAT_KINDS = Object.keys(FORMAT_LABELS) as FormatKind[];

/** The editor shown under a mapping row. */
export function TransformEditor({ index, plan, name, owners }: TransformEditorProps): ReactNode {
  const fields = useAppStore((s) => s.importState.fields);
  const header = useAppStore((s) => s.importState.header);
  const updatePlan = useAppStore((s) => s.updatePlan);
  const picklistMemory = useAppStore((s) => s.importState.preview?.picklistMemory);
  const ids = { trim: useId(), case: useId(), split: useId(), join: useId(), sep: useId(), format: useId(), def: useId() };

  const update = (changes: Partial<ColumnPlan>): void => updatePlan(index, changes);
  const targetField = fields.find((f) => f.apiName === (plan.split?.first ?? plan.field));
  const suggested = targetField === undefined ? null : formatForType(targetField.dataType);
  const free = (apiName: string): boolean => !owners.has(apiName) || owners.get(apiName) === plan.column;

  const toggleSplit = (on: boolean): void => {
    if (!on) {
      update({ split: null, field: plan.split?.first ?? plan.split?.last ?? null });
      return;
    }
    // The field already chosen keeps its half; Zoho's name fields fill the other when free.
    const firstName = free('First_Name') ? 'First_Name' : null;
    const lastName = free('Last_Name') ? 'Last_Name' : null;
    const split =
      plan.field === 'Last_Name' || plan.field === null
        ? { first: firstName, last: lastName }
        : { first: plan.field, last: lastName };
    update({ split, field: null, join: null, origin: { kind: 'user' } });
  };

  return (
    <fieldset className="transform-editor">
      <legend>Transforms for {name}</legend>
      <div className="transform-grid">
        <label className="check" htmlFor={ids.trim}>
          <input id={ids.trim} type="checkbox" checked={plan.trim} onChange={(e) => update({ trim: e.target.checked })} />
          Trim and collapse spaces
        </label>

        <div className="field">
          <label htmlFor={ids.case}>Case</label>
          <select
            id={ids.case}
            className="input"
            value={plan.caseTo ?? ''}
            onChange={(e) => update({ caseTo: e.target.value === '' ? null : (e.target.value as CaseTo) })}
          >
            <option value="">Keep as written</option>
            <option value="title">Title Case</option>
            <option value="upper">UPPER CASE</option>
            <option value="lower">lower case</option>
          </select>
        </div>

        <label className="check" htmlFor={ids.split}>
          <input id={ids.split} type="checkbox" checked={plan.split !== null} onChange={(e) => toggleSplit(e.target.checked)} />
          Split full name into first and last name
        </label>

        {plan.split !== null && <p className="muted">A split name is not joined with other columns.</p>}
        {plan.split === null && (
          <div className="field">
            <label htmlFor={ids.join}>Join with column</label>
            <div className="field-row">
              <select
                id={ids.join}
                className="input"
                value={plan.join?.column ?? ''}
                onChange={(e) =>
                  update({ join: e.target.value === '' ? null : { column: e.target.value, separator: plan.join?.separator ?? ' ' } })
                }
              >
                <option value="">Don’t join</option>
                {header
                  .filter((h) => h !== plan.column)
                  .map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
              </select>
              {plan.join !== null && (
                <input
                  id={ids.sep}
                  className="input input-narrow"
                  aria-label="Join separator"
                  value={plan.join.separator}
                  maxLength={10}
                  onChange={(e) => update({ join: plan.join === null ? null : { ...plan.join, separator: e.target.value } })}
                />
              )}
            </div>
          </div>
        )}

        <div className="field">
          <label htmlFor={ids.format}>Value format</label>
          <select
            id={ids.format}
            className="input"
            value={plan.format?.kind ?? ''}
            onChange={(e) =>
              update({ format: e.target.value === '' ? null : defaultFormat(e.target.value as FormatKind, targetField, picklistMemory?.[targetField?.apiName ?? '']) })
            }
          >
            <option value="">As written</option>
            {FORMAT_KINDS.map((k) => (
              <option key={k} value={k}>
                {FORMAT_LABELS[k]}
                {k === suggested ? ' (fits this field)' : ''}
              </option>
            ))}
          </select>
        </div>

        <div className="field">
          <label htmlFor={ids.def}>Default for empty cells</label>
          <input
            id={ids.def}
            className="input"
            value={plan.defaultValue ?? ''}
            placeholder="(none)"
            onChange={(e) => update({ defaultValue: e.target.value === '' ? null : e.target.value })}
          />
        </div>
      </div>
      {plan.format !== null && <FormatOptions index={index} plan={plan} format={plan.format} field={targetField} />}
      {targetField !== undefined && isUserField(targetField) && (
        <p className="muted">
          {targetField.label} needs no lookup: each value that is a user id, an email or a full name is matched to your
          loaded users (Users → Load users…) and sent as the user&apos;s id.
        </p>
      )}
    </fieldset>
  );
}
