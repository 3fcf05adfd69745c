/**
 * The fields of the Deal a conversion creates (Zoho needs Deal_Name, Closing_Date, Stage and
 * Pipeline), with the org's stages and pipelines to choose from.
 */
import type { ReactNode } from 'react';
import type { DealInput } from '../../../../shared/domain/convert';
import { useAppStore } from '../../store';

/** Props of DealFields. */
export interface DealFieldsProps {
  idPrefix: string;
  deal: DealInput;
  onChange(p: Partial<DealInput>): void;
}

/** The deal form. */
export function DealFields({ idPrefix, deal, onChange }: DealFieldsProps): ReactNode {
  const choices = useAppStore((s) => s.convert.dealChoices);
  const id = (k: string): string => `${idPrefix}-${k}`;
  return (
    <div className="deal-fields">
      <div className="field">
        <label htmlFor={id('name')}>Deal name</label>
        <input id={id('name')} className="input" value={deal.Deal_Name} onChange={(e) => onChange({ Deal_Name: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={id('closing')}>Closing date</label>
        <input id={id('closing')} className="input" type="date" value={deal.Closing_Date} onChange={(e) => onChange({ Closing_Date: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={id('stage')}>Stage</label>
        <select id={id('stage')} className="input" value={deal.Stage} onChange={(e) => onChange({ Stage: e.target.value })}>
          <option value="">—</option>
          {choices.stages.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('pipeline')}>Pipeline</label>
        <select id={id('pipeline')} className="input" value={deal.Pipeline} onChange={(e) => onChange({ Pipeline: e.target.value })}>
          <option value="">—</option>
          {choices.pipelines.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('amount')}>Amount</label>
        <input id={id('amount')} className="input" inputMode="decimal" value={deal.Amount} onChange={(e) => onChange({ Amount: e.target.value })} />
      </div>
    </div>
  );
}
