/**
 * Zoho's conversion options for the lead whose plan is open: what the Lead Conversion Options
 * API would answer (the matching Contacts and Accounts and the field each matched on), laid
 * out to read, with the exact API body to copy; one click makes a listed record the plan's
 * target. The org's Organize Modules can be set here, as the replica cannot tell.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useAppStore } from '../../store';
import type { PlanDetail } from '../../store/convert-slice';
import type { LeadRef } from '../../store/lead-options-slice';
import { OptionRecordList } from './OptionRecordList';
import './conversion-options.css';

/** Props of ConversionOptionsPanel. */
export interface ConversionOptionsPanelProps {
  plan: PlanDetail['plan'];
  /** The run's batch, when the lead is a batch row. */
  batch: number | null;
  locked: boolean;
}

function leadRef(plan: PlanDetail['plan'], batch: number | null): LeadRef | null {
  if (plan.lead.id !== null) return { kind: 'replica', id: plan.lead.id };
  if (batch !== null && plan.lead.batchRow !== null) return { kind: 'batch', batch, row: plan.lead.batchRow };
  return null;
}

/** The panel. */
export function ConversionOptionsPanel({ plan, batch, locked }: ConversionOptionsPanelProps): ReactNode {
  const state = useAppStore((s) => s.leadOptions);
  const load = useAppStore((s) => s.loadLeadOptions);
  const setModules = useAppStore((s) => s.setOrgModules);
  const choose = useAppStore((s) => s.chooseTargets);
  const busy = useAppStore((s) => s.convert.busy !== null);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const key = plan.lead.key;
  const ref = leadRef(plan, batch);
  const refKey = ref === null ? '' : JSON.stringify(ref);

  // Asked again when the lead changes, and when a simulation changes what the replica holds.
  useEffect(() => {
    const r = refKey === '' ? null : (JSON.parse(refKey) as LeadRef);
    if (r !== null) void load(key, r);
    setCopied('idle');
  }, [key, refKey, locked, load]);

  const result = state.key === key ? state.result : null;
  // A new answer has not been copied yet.
  useEffect(() => setCopied('idle'), [result]);
  const body = result?.body ?? null;
  const o = body?.__conversion_options ?? null;
  const contactId = plan.choice.contactId;
  const chosenAccount = plan.choice.accountId;
  // The Account the plan merges into, chosen or brought along by its Contact.
  const accountId = chosenAccount ?? (plan.account?.action === 'merge' ? plan.account.id : null);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(body ?? {}, null, 2));
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="conversion-options" aria-label="Zoho’s conversion options">
      <div className="conversion-options-head">
        <h4 className="planned-title">Zoho’s conversion options</h4>
        {result && <span className={`badge ${result.status === 200 ? 'badge-ready' : 'badge-none'}`}>{result.status === 200 ? '200' : '204 No Content'}</span>}
      </div>
      <p className="muted conversion-options-path">
        {result?.path ? (
          <>
            GET <span className="mono">{result.path}</span>
          </>
        ) : (
          'What GET /Leads/{id}/__conversion_options would answer for this row once it is in Zoho.'
        )}
      </p>
      <fieldset className="org-modules">
        <legend>Modules the org has (Organize Modules)</legend>
        {(['Contacts', 'Accounts'] as const).map((m) => (
          <label key={m} className="check">
            <input type="checkbox" checked={state.modules[m]} onChange={(e) => void setModules({ [m]: e.target.checked })} />
            {m}
          </label>
        ))}
      </fieldset>
      {(!state.modules.Contacts || !state.modules.Accounts) && <p className="muted option-hint">This changes the options shown here only: the plans are made as for an org with both modules.</p>}
      {state.status === 'error' && state.error && state.key === key && (
        <p className="notice notice-error" role="alert">
          {state.error.message} <code className="error-code">{state.error.code}</code>
        </p>
      )}
      {state.status === 'loading' && result === null && <p className="muted">Matching by Zoho’s rules…</p>}
      {result && (
        <>
          {result.review && (
            <p className="option-review">
              Duplicate review: <strong>{reviewText(result.review)}</strong>
              {result.review.offered === true && <span className="muted"> — Zoho lists it too.</span>}
            </p>
          )}
          {o && (
            <>
              <p>
                Module preference: <strong>{o.module_preference.api_name}</strong>
              </p>
              {o.Contacts !== null && (
                <div className="option-module">
                  <h5 className="option-module-title">Contacts ({o.Contacts.length})</h5>
                  <OptionRecordList
                    module="Contacts"
                    records={o.Contacts}
                    matchedBy={result.matchedBy.Contacts}
                    targetId={contactId}
                    busy={busy}
                    onMerge={locked || !result.canConvert ? null : (id, r) => void choose(key, id, contactAccountMatches(r, chosenAccount) ? chosenAccount : null, undefined, 'zoho-match')}
                  />
                </div>
              )}
              {o.Accounts !== null && o.Accounts.length > 0 && plan.account?.action === 'create' && (
                <p className="notice notice-info option-hint">
                  {plan.contact?.action === 'merge'
                    ? `${plan.contact.name} has no Account, so the plan creates a new one from the Company although Zoho lists ${o.Accounts.length === 1 ? 'a matching one' : `${o.Accounts.length} matching ones`}. Zoho merges into an existing Account only together with a Contact associated with it (otherwise INVALID_DATA).`
                    : `The plan creates a new Account although Zoho lists ${o.Accounts.length === 1 ? 'a matching one' : `${o.Accounts.length} matching ones`}: merge into it to avoid a duplicate.`}
                </p>
              )}
              {o.Contacts !== null && o.Contacts.length > 0 && plan.contact?.action === 'create' && (
                <p className="notice notice-info option-hint">The plan creates a new Contact although Zoho lists {o.Contacts.length === 1 ? 'a matching one' : `${o.Contacts.length} matching ones`}: merge into one to avoid a duplicate.</p>
              )}
              {o.Accounts !== null && (
                <div className="option-module">
                  <h5 className="option-module-title">Accounts ({o.Accounts.length})</h5>
                  <OptionRecordList module="Accounts" records={o.Accounts} matchedBy={result.matchedBy.Accounts} targetId={accountId} busy={busy} onMerge={locked || !result.canConvert ? null : (id) => void choose(key, contactId, id, undefined, 'zoho-match')} />
                </div>
              )}
            </>
          )}
          {result.notes.length > 0 && (
            <ul className="option-notes">
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <div className="button-row">
            <button type="button" className="button button-small" onClick={() => void copy()}>
              {copied === 'copied' ? 'Copied' : 'Copy JSON'}
            </button>
            {copied === 'failed' && <span className="muted">Copying is not allowed here: open “The API body” and copy it from there.</span>}
          </div>
          <details className="option-json">
            <summary>The API body</summary>
            <pre className="mono" aria-label="The API body">
              {body ? JSON.stringify(body, null, 2) : '(204 No Content: no body)'}
            </pre>
          </details>
        </>
      )}
    </section>
  );
}

function reviewText(r: { action: 'merge' | 'create' | 'skip' | 'merge-row'; target: { module: string; id: string; name: string } | null }): string {
  if (r.action === 'merge' && r.target) return `merge into ${r.target.module.replace(/s$/, '')} ${r.target.name}`;
  if (r.action === 'create') return 'create a new record';
  if (r.action === 'skip') return 'skip this row';
  return 'merged into another row of the file';
}

/** Whether a listed Contact belongs to the Account the plan merges into (then both stay). */
function contactAccountMatches(r: Record<string, unknown>, accountId: string | null): boolean {
  const a = r.Account_Name;
  return accountId !== null && typeof a === 'object' && a !== null && (a as { id?: unknown }).id === accountId;
}
