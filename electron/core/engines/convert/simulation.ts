/**
 * What a simulated conversion writes into the replica (pure): the records Zoho would create,
 * under provisional ids, and the fields it would change on existing ones. The IO part applies
 * these changes in one transaction and records what they replace, so they can be undone.
 */
import type { InventoryPlan, LeadPlan, PlannedRecord } from '../../../../shared/domain/convert';
import { isNewRef } from './lead-world';
import { formatTags, parseTags, unionTags } from './tags';

/** One record written by a simulation. */
export interface ReplicaChange {
  module: string;
  id: string;
  /** `create`: a record that did not exist; `update`: only these keys change. */
  kind: 'create' | 'update';
  values: Record<string, string>;
}

/** Prefix of every provisional id: Zoho's ids are digits only, so these can never collide. */
export const PROVISIONAL_PREFIX = 'provisional-';

/** True for an id a simulation made up. */
export function isProvisionalId(id: string): boolean {
  return id.startsWith(PROVISIONAL_PREFIX);
}

function resolve(values: Record<string, string>, ids: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = isNewRef(v) ? (ids[v.slice('@new:'.length)] ?? '') : v;
  }
  return out;
}

function mergeChange(record: PlannedRecord, extra: Record<string, string>): ReplicaChange | null {
  const values: Record<string, string> = { ...extra };
  for (const c of record.changes) {
    if (c.field !== 'Account_Name' || record.module === 'Accounts') values[c.field] = c.after;
  }
  if (record.tags.length > 0) {
    const merged = unionTags(parseTags(record.values.Tag), record.tags);
    values.Tag = formatTags(merged);
  }
  return Object.keys(values).length > 0 ? { module: record.module, id: record.id ?? '', kind: 'update', values } : null;
}

/** The replica changes of a ready lead plan; `newId(module)` hands out provisional ids. */
export function leadChanges(plan: LeadPlan, newId: (module: string) => string): ReplicaChange[] {
  const ids: Record<string, string> = {};
  for (const r of [plan.contact, plan.account, plan.deal]) {
    if (r) ids[r.module] = r.id ?? newId(r.module);
  }
  const accountName = plan.account ? (plan.account.changes.find((c) => c.field === 'Account_Name')?.after ?? plan.account.name) : '';
  const out: ReplicaChange[] = [];
  const account = plan.account;
  if (account) {
    const change = account.action === 'create' ? { module: 'Accounts', id: ids.Accounts ?? '', kind: 'create' as const, values: resolve(account.values, ids) } : mergeChange(account, {});
    if (change) out.push(change);
  }
  const contact = plan.contact;
  if (contact) {
    if (contact.action === 'create') {
      out.push({ module: 'Contacts', id: ids.Contacts ?? '', kind: 'create', values: resolve(contact.values, ids) });
    } else {
      const link: Record<string, string> = account && (contact.values.Account_Name ?? '') !== ids.Accounts ? { Account_Name: ids.Accounts ?? '', 'Account_Name.name': accountName } : {};
      const change = mergeChange(contact, link);
      if (change) out.push(change);
    }
  }
  if (plan.deal) {
    out.push({ module: 'Deals', id: ids.Deals ?? '', kind: 'create', values: resolve(plan.deal.values, ids) });
  }
  if (plan.lead.id !== null) {
    const values: Record<string, string> = {};
    for (const c of plan.leadChanges) values[c.field] = isNewRef(c.after) ? (ids[c.after.slice('@new:'.length)] ?? '') : c.after;
    if (contact) values['Converted_Contact.name'] = contact.name;
    if (account) values['Converted_Account.name'] = accountName;
    if (plan.deal) values['Converted_Deal.name'] = plan.deal.name;
    out.push({ module: 'Leads', id: plan.lead.id, kind: 'update', values });
  }
  return out;
}

/** The replica change of a ready inventory plan: the child record, under a provisional id. */
export function inventoryChanges(plan: InventoryPlan, newId: (module: string) => string): ReplicaChange[] {
  if (!plan.record) return [];
  return [{ module: plan.record.module, id: newId(plan.record.module), kind: 'create', values: { ...plan.record.values } }];
}
