/**
 * One source column in the mapping table, and its transforms editor when opened.
 */
import { useId, type ReactNode } from 'react';
import { useAppStore } from '../../store';
import { isWeakMatch, originText, percent, transformSummary, type ColumnPlan } from '../../store/mapping-plan';
import { FieldSelect } from './FieldSelect';
import { dateHint, distinctValues } from './import-options';
import { TransformEditor } from './TransformEditor';

/** Props of MappingRow. */
export interface MappingRowProps {
  index: number;
  plan: ColumnPlan;
  owners: ReadonlyMap<string, string>;
  open: boolean;
  onToggle(): void;
}

const SAMPLES = 3;

/** The table row (plus the editor row when open). */
export function MappingRow({ index, plan, owners, open, onToggle }: MappingRowProps): ReactNode {
  const fields = useAppStore((s) => s.importState.fields);
  const rows = useAppStore((s) => s.importState.sampleRows);
  const plans = useAppStore((s) => s.importState.plans);
  const ambiguous = useAppStore((s) => s.importState.ambiguousDateColumns.includes(plan.column));
  const locked = useAppStore((s) => s.importState.template !== null || s.importState.job !== null);
  const setField = useAppStore((s) => s.setPlanField);
  const updatePlan = useAppStore((s) => s.updatePlan);
  const editorId = useId();

  const samples = distinctValues(rows, index, SAMPLES);
  const field = fields.find((f) => f.apiName === plan.field);
  const mapped = plan.field !== null || plan.split !== null;
  const joinedInto = plans.filter((p) => p.join?.column === plan.column && (p.field !== null || p.split !== null)).map((p) => p.column);
  const hint = dateHint(plan, field, distinctValues(rows, index, 20), ambiguous);
  const summary = transformSummary(plan);
  const name = plan.column === '' ? `column ${index + 1}` : plan.column;
  const offer = plan.offer;
  const offerLabel = offer === null ? '' : (fields.find((f) => f.apiName === offer.field)?.label ?? offer.field);

  const classes = ['map-row'];
  if (!mapped) classes.push('is-unmapped');
  if (open) classes.push('is-open');

  return (
    <>
      <tr className={classes.join(' ')}>
        <th scope="row" className="map-column">
          <span className="map-column-name">{name}</span>
          {joinedInto.length > 0 && <span className="muted map-note">joined into “{joinedInto.join('”, “')}”</span>}
        </th>
        <td className="map-samples">
          {samples.length === 0 ? (
            <span className="muted">(empty)</span>
          ) : (
            samples.map((v, i) => (
              <span key={i} className="sample" title={v}>
                {v}
              </span>
            ))
          )}
        </td>
        <td className="map-field">
          {plan.split === null ? (
            <FieldSelect
              label={`Field for ${name}`}
              value={plan.field}
              fields={fields}
              owners={owners}
              column={plan.column}
              disabled={locked}
              onChange={(f) => setField(index, f)}
            />
          ) : (
            <div className="split-fields">
              <FieldSelect
                label={`First name field for ${name}`}
                value={plan.split.first}
                fields={fields}
                owners={owners}
                column={plan.column}
                disabled={locked}
                emptyLabel="First name: not imported"
                onChange={(f) => updatePlan(index, { split: { first: f, last: plan.split?.last ?? null }, origin: { kind: 'user' } })}
              />
              <FieldSelect
                label={`Last name field for ${name}`}
                value={plan.split.last}
                fields={fields}
                owners={owners}
                column={plan.column}
                disabled={locked}
                emptyLabel="Last name: not imported"
                onChange={(f) => updatePlan(index, { split: { first: plan.split?.first ?? null, last: f }, origin: { kind: 'user' } })}
              />
            </div>
          )}
        </td>
        <td className="map-match">
          {!mapped && offer !== null ? (
            <span className="map-offer">
              <span className="match is-offer">
                offered: {offerLabel} · {percent(offer.confidence)}%
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={locked || owners.has(offer.field)}
                aria-label={`Map ${name} to ${offerLabel}`}
                onClick={() => setField(index, offer.field)}
              >
                Map
              </button>
            </span>
          ) : (
            <span className={`match${isWeakMatch(plan.origin) && mapped ? ' is-weak' : ''}${mapped ? '' : ' is-none'}`}>
              {originText(plan.origin, mapped)}
            </span>
          )}
          {offer !== null && (!mapped || plan.field === offer.field) && <span className="map-caution">{offer.caution}</span>}
          {hint !== null && <span className="map-hint">{hint}</span>}
        </td>
        <td className="map-transforms">
          {summary !== '' && <span className="transform-summary">{summary}</span>}
          <button
            type="button"
            className="button button-small"
            aria-expanded={open}
            aria-controls={open ? editorId : undefined}
            aria-label={`Transforms for ${name}`}
            disabled={locked || !mapped}
            onClick={onToggle}
          >
            {open ? 'Close' : 'Transforms…'}
          </button>
        </td>
      </tr>
      {open && mapped && (
        <tr className="map-editor-row" id={editorId}>
          <td colSpan={5}>
            <TransformEditor index={index} plan={plan} name={name} owners={owners} />
          </td>
        </tr>
      )}
    </>
  );
}
