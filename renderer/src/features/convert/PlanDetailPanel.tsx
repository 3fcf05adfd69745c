/**
 * One lead's plan: what Zoho would say, the Contact, Account and Deal it gives, and the fixes
 * (merge into another record, create new instead, a deal of its own).
 */
import { useState, type ReactNode } from 'react';
import type { DealInput } from '../../../../shared/domain/convert';
import { useAppStore } from '../../store';
import { ConversionOptionsPanel } from './ConversionOptionsPanel';
import { DealFields } from './DealFields';
import { FindingList } from './FindingList';
import { PlannedRecordView } from './PlannedRecordView';
import { RecordPicker } from './RecordPicker';

type Choosing = 'Contacts' | 'Accounts' | 'deal' | null;

/** The panel; nothing while no plan is open. */
export function PlanDetailPanel(): ReactNode {
  const active = useAppStore((s) => s.convert.active);
  const busy = useAppStore((s) => s.convert.busy !== null);
  const choose = useAppStore((s) => s.chooseTargets);
  const close = useAppStore((s) => s.closePlan);
  const simulate = useAppStore((s) => s.simulateConversions);
  const runDeal = useAppStore((s) => (s.convert.run?.settings.deal ?? null) as DealInput | null);
  const runBatch = useAppStore((s) => (s.convert.run?.source.kind === 'batch' ? s.convert.run.source.batch : null));
  const [choosing, setChoosing] = useState<Choosing>(null);
  const [deal, setDeal] = useState<DealInput | null>(null);
  if (active === null) return null;
  const { plan, simulation } = active;
  const key = plan.lead.key;
  const contactId = plan.choice.contactId;
  const accountId = plan.choice.accountId;
  const locked = simulation !== null;
  const editDeal = deal ?? plan.settings.deal ?? runDeal ?? { Deal_Name: '', Closing_Date: '', Stage: '', Pipeline: '', Amount: '', Contact_Role: '' };

  return (
    <aside className="plan-panel" aria-label={`Plan of ${plan.lead.name}`}>
      <div className="plan-panel-head">
        <div>
          <h3 className="plan-panel-title">{plan.lead.name}</h3>
          <p className="muted">
            {plan.lead.company || 'no Company'}
            {plan.lead.email && ` · ${plan.lead.email}`} · {plan.lead.id ? <span className="mono">{plan.lead.id}</span> : `batch row ${plan.lead.batchRow ?? ''}`}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label="Close plan" onClick={close}>
          ×
        </button>
      </div>
      <p className={`plan-verdict plan-verdict-${locked ? 'simulated' : plan.status}`}>
        {locked ? `Simulated in the replica (simulation #${simulation}).` : plan.status === 'ready' ? 'Zoho would convert this lead.' : 'Zoho would refuse this conversion:'}
      </p>
      <FindingList
        findings={plan.findings}
        onMergeInto={locked ? undefined : (r) => void choose(key, r.module === 'Contacts' ? r.id : contactId, r.module === 'Accounts' ? r.id : accountId)}
      />
      <ConversionOptionsPanel plan={plan} batch={runBatch} locked={locked} />
      <PlannedRecordView title="Contact" record={plan.contact} none="—" reviewCreate={plan.choice.review === 'create'}>
        {!locked && (
          <div className="button-row wrap">
            <button type="button" className="button button-small" onClick={() => setChoosing(choosing === 'Contacts' ? null : 'Contacts')}>
              {contactId ? 'Merge into another contact…' : 'Merge into an existing contact…'}
            </button>
            {contactId && (
              <button type="button" className="button button-small" disabled={busy} onClick={() => void choose(key, null, accountId)}>
                Create a new contact instead
              </button>
            )}
          </div>
        )}
        {choosing === 'Contacts' && (
          <RecordPicker
            pickerId="convert-target-contact"
            module="Contacts"
            label="Contacts to merge into"
            selected={contactId}
            onPick={(r) => {
              setChoosing(null);
              void choose(key, r.id, accountId);
            }}
          />
        )}
      </PlannedRecordView>
      <PlannedRecordView title="Account" record={plan.account} none="No account: the lead has no Company.">
        {!locked && (
          <div className="button-row wrap">
            <button type="button" className="button button-small" onClick={() => setChoosing(choosing === 'Accounts' ? null : 'Accounts')}>
              {accountId ? 'Merge into another account…' : 'Merge into an existing account…'}
            </button>
            {accountId && (
              <button type="button" className="button button-small" disabled={busy} onClick={() => void choose(key, contactId, null)}>
                No account given
              </button>
            )}
          </div>
        )}
        {choosing === 'Accounts' && (
          <RecordPicker
            pickerId="convert-target-account"
            module="Accounts"
            label="Accounts to merge into"
            selected={accountId}
            onPick={(r) => {
              setChoosing(null);
              void choose(key, contactId, r.id);
            }}
          />
        )}
      </PlannedRecordView>
      <PlannedRecordView title="Deal" record={plan.deal} none="No deal: none was asked for.">
        {!locked && (
          <div className="button-row wrap">
            <button type="button" className="button button-small" onClick={() => setChoosing(choosing === 'deal' ? null : 'deal')}>
              {plan.deal ? 'Change this lead’s deal…' : 'Add a deal for this lead…'}
            </button>
            {plan.deal && (
              <button type="button" className="button button-small" disabled={busy} onClick={() => void choose(key, contactId, accountId, null)}>
                No deal for this lead
              </button>
            )}
          </div>
        )}
        {choosing === 'deal' && (
          <div className="stack">
            <DealFields idPrefix="lead-deal" deal={editDeal} onChange={(p) => setDeal({ ...editDeal, ...p })} />
            <button
              type="button"
              className="button button-primary button-small"
              disabled={busy}
              onClick={() => {
                setChoosing(null);
                void choose(key, contactId, accountId, editDeal);
              }}
            >
              Use this deal
            </button>
          </div>
        )}
      </PlannedRecordView>
      {plan.leadChanges.length > 0 && (
        <section className="planned" aria-label="The lead afterwards">
          <h4 className="planned-title">The lead afterwards</h4>
          <ul className="planned-changes">
            {plan.leadChanges.map((c) => (
              <li key={c.field}>
                <span className="mono">{c.field}</span>: {c.after.startsWith('@new:') ? `(the new ${c.after.slice(5).slice(0, -1)})` : c.after || '(empty)'}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!locked && plan.status === 'ready' && (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void simulate([key])}>
          Simulate this conversion
        </button>
      )}
    </aside>
  );
}
