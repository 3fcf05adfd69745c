/**
 * The Contacts or the Accounts Zoho's conversion options list for a lead: each record, the
 * field that matched it, whether it is the plan's target, and a button to make it the target.
 */
import type { ReactNode } from 'react';
import type { LeadOptionsResult } from '../../store/lead-options-slice';

type OptionRecord = NonNullable<NonNullable<LeadOptionsResult['body']>['__conversion_options']['Contacts']>[number];

/** A listed record's id and the values shown for it. */
function describe(module: 'Contacts' | 'Accounts', r: OptionRecord): { id: string; name: string; details: string[]; locked: boolean } {
  const str = (k: string): string => {
    const v = r[k];
    return typeof v === 'string' ? v : '';
  };
  const account = r.Account_Name;
  const accountName = typeof account === 'object' && account !== null ? account.name || account.id : '';
  const name = module === 'Contacts' ? str('Full_Name') : str('Account_Name');
  const details = module === 'Contacts' ? [str('Email'), str('Phone'), accountName && `Account: ${accountName}`] : [str('Phone'), str('Website')];
  return { id: typeof r.id === 'string' ? r.id : '', name: name || '(no name)', details: details.filter((d) => d !== ''), locked: r.Locked__s === true };
}

/** Props of OptionRecordList. */
export interface OptionRecordListProps {
  module: 'Contacts' | 'Accounts';
  records: OptionRecord[];
  matchedBy: LeadOptionsResult['matchedBy']['Contacts'];
  /** The plan's current target in this module, if any. */
  targetId: string | null;
  /** Null when the plan cannot be changed (simulated). */
  onMerge: ((id: string, record: OptionRecord) => void) | null;
  busy: boolean;
}

/** The list. */
export function OptionRecordList({ module, records, matchedBy, targetId, onMerge, busy }: OptionRecordListProps): ReactNode {
  const what = module === 'Contacts' ? 'contact' : 'account';
  if (records.length === 0) return <p className="muted">No matching {module === 'Contacts' ? 'Contacts' : 'Accounts'}.</p>;
  return (
    <ul className="option-records" aria-label={`Matching ${module}`}>
      {records.map((r) => {
        const d = describe(module, r);
        const matched = matchedBy[d.id] ?? [];
        const isTarget = d.id === targetId;
        return (
          <li key={d.id} className={`option-record${isTarget ? ' is-target' : ''}`}>
            <div className="option-record-text">
              <span className="option-record-name">
                <strong>{d.name}</strong> <span className="muted mono">{d.id}</span>
                {d.locked && <span className="badge badge-locked">locked</span>}
              </span>
              {d.details.length > 0 && <span className="picker-sub">{d.details.join(' · ')}</span>}
              <span className="option-matched">
                {matched.length > 0 ? (
                  matched.map((m) => (
                    <span key={m.field} className="matched-chip">
                      matched <span className="mono">{m.field}</span> = {m.value}
                    </span>
                  ))
                ) : (
                  <span className="muted">matched by Zoho’s rules</span>
                )}
              </span>
            </div>
            {isTarget ? (
              <span className="badge badge-ready">the plan’s {what}</span>
            ) : (
              onMerge !== null && (
                <button type="button" className="button button-small" disabled={busy || d.locked} onClick={() => onMerge(d.id, r)} aria-label={`Merge into ${d.name}`}>
                  Merge into this {what}
                </button>
              )
            )}
          </li>
        );
      })}
    </ul>
  );
}
