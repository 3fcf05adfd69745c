/**
 * Step 2: the conversion options Zoho's Convert Lead API takes, and the deal to create.
 */
import { useState, type ReactNode } from 'react';
import { useAppStore } from '../../store';
import { DealFields } from './DealFields';
import { RecordPicker } from './RecordPicker';

/** The options form. */
export function ConvertOptionsForm(): ReactNode {
  const settings = useAppStore((s) => s.convert.settings);
  const update = useAppStore((s) => s.updateConvertSettings);
  const dealOn = useAppStore((s) => s.convert.dealOn);
  const setDealOn = useAppStore((s) => s.setDealOn);
  const deal = useAppStore((s) => s.convert.deal);
  const updateDeal = useAppStore((s) => s.updateDeal);
  const tags = settings.carryOverTags;
  const hasUsers = useAppStore((s) => (s.modules.find((m) => m.module === 'Users')?.records ?? 0) > 0);
  const [pickingUser, setPickingUser] = useState(false);
  const [userName, setUserName] = useState<string | null>(null);

  return (
    <section className="convert-step" aria-labelledby="options-step">
      <h3 id="options-step" className="step-title">
        2. Conversion options
      </h3>
      <div className="flag-row">
        <label className="check">
          <input type="checkbox" checked={settings.overwrite} onChange={(e) => update({ overwrite: e.target.checked })} />
          Overwrite the account name with the lead’s Company
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.notifyLeadOwner} onChange={(e) => update({ notifyLeadOwner: e.target.checked })} />
          Notify the lead owner
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.notifyNewEntityOwner} onChange={(e) => update({ notifyNewEntityOwner: e.target.checked })} />
          Notify the owner of the new records
        </label>
      </div>
      <div className="options-grid">
        <div className="field">
          <label htmlFor="assign-to">Assign new records to (user id)</label>
          <input
            id="assign-to"
            className="input mono"
            placeholder="the lead’s owner"
            value={settings.assignTo ?? ''}
            onChange={(e) => {
              setUserName(null);
              update({ assignTo: e.target.value.trim() === '' ? null : e.target.value.trim() });
            }}
          />
          {hasUsers ? (
            <span className="muted">
              {userName && settings.assignTo ? `${userName} · ` : ''}
              <button type="button" className="link-button" onClick={() => setPickingUser((v) => !v)}>
                {pickingUser ? 'Close the user list' : 'Choose from the loaded users…'}
              </button>
            </span>
          ) : (
            <span className="muted">Load your users (Users → Load users…) to choose by name and check they are active.</span>
          )}
          {pickingUser && (
            <RecordPicker
              pickerId="convert-assign-to"
              module="Users"
              label="Users to assign to"
              selected={settings.assignTo}
              onPick={(r) => {
                setUserName(r.title);
                setPickingUser(false);
                update({ assignTo: r.id });
              }}
            />
          )}
        </div>
        <div className="field">
          <label htmlFor="move-attachments">Move the lead’s attachments to</label>
          <select id="move-attachments" className="input" value={settings.moveAttachmentsTo} onChange={(e) => update({ moveAttachmentsTo: e.target.value as typeof settings.moveAttachmentsTo })}>
            <option value="Contacts">the Contact</option>
            <option value="Accounts">the Account</option>
            <option value="Deals">the Deal</option>
          </select>
        </div>
        <fieldset className="tag-set">
          <legend>Carry the lead’s tags over to</legend>
          {(['Contacts', 'Accounts', 'Deals'] as const).map((m) => (
            <label key={m} className="check">
              <input type="checkbox" checked={tags[m]} onChange={(e) => update({ carryOverTags: { ...tags, [m]: e.target.checked } })} />
              {m.slice(0, -1)}
            </label>
          ))}
        </fieldset>
      </div>
      <label className="check deal-toggle">
        <input type="checkbox" checked={dealOn} onChange={(e) => setDealOn(e.target.checked)} />
        Create a deal (Zoho creates none unless asked)
      </label>
      {dealOn && <DealFields idPrefix="run-deal" deal={deal} onChange={updateDeal} />}
    </section>
  );
}
