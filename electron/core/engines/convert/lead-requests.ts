/**
 * Convert Lead and Mass Convert request bodies from lead plans (pure; ZOHO-SPEC §5.2, §5.3).
 *
 * Convert Lead (one lead per call) takes merge targets; v2 writes `Accounts`, `Contacts` and
 * `assign_to` as plain id strings, v8 as `{"id"}` objects, and only v8 takes
 * `move_attachments_to` and `carry_over_tags`. Mass Convert takes up to 50 lead ids sharing
 * one set of options, needs `assign_to`, and cannot name merge targets, so leads with chosen
 * targets always get a Convert Lead request of their own.
 */
import type { LeadPlan } from '../../../../shared/domain/convert';
import { jsonNumber, seqName, type ApiVersion, type RequestSet, type SkippedRecord, type ZohoRequest } from './zoho-request';

/** Zoho's limit of lead ids per Mass Convert call. */
export const MASS_CONVERT_LIMIT = 50;

type Json = Record<string, unknown>;

function dealBody(plan: LeadPlan): Json | null {
  const d = plan.settings.deal;
  if (!d) return null;
  const out: Json = {};
  for (const [k, v] of Object.entries(d)) {
    if (v.trim() === '') continue;
    out[k] = k === 'Amount' ? jsonNumber(v) : v.trim();
  }
  return out;
}

/** Targets the user chose (a Contact's own Account comes along by itself in Zoho). */
function chosen(plan: LeadPlan): { contact: string | null; account: string | null } {
  const c = plan.contact;
  const a = plan.account;
  return {
    contact: c && c.action === 'merge' && c.source !== 'contact-account' ? c.id : null,
    account: a && a.action === 'merge' && a.source !== 'contact-account' ? a.id : null,
  };
}

function tagLists(plan: LeadPlan): Json | null {
  const lists: Json = {};
  for (const m of ['Contacts', 'Accounts', 'Deals'] as const) {
    const record = m === 'Contacts' ? plan.contact : m === 'Accounts' ? plan.account : plan.deal;
    if (plan.settings.carryOverTags[m] && record && record.tags.length > 0) lists[m] = record.tags;
  }
  return Object.keys(lists).length > 0 ? lists : null;
}

/** The body of one Convert Lead call for a plan. */
export function convertLeadBody(plan: LeadPlan, version: ApiVersion): { data: Json[] } {
  const s = plan.settings;
  const entry: Json = { overwrite: s.overwrite, notify_lead_owner: s.notifyLeadOwner, notify_new_entity_owner: s.notifyNewEntityOwner };
  const idOf = (id: string): string | Json => (version === 'v2' ? id : { id });
  const { contact, account } = chosen(plan);
  if (account) entry.Accounts = idOf(account);
  if (contact) entry.Contacts = idOf(contact);
  if (s.assignTo) entry.assign_to = idOf(s.assignTo);
  const deal = dealBody(plan);
  if (deal) entry.Deals = deal;
  if (version === 'v8') {
    if (s.moveAttachmentsTo !== 'Contacts') entry.move_attachments_to = { api_name: s.moveAttachmentsTo };
    const tags = tagLists(plan);
    if (tags) entry.carry_over_tags = tags;
  }
  return { data: [entry] };
}

function massKey(plan: LeadPlan): string {
  const s = plan.settings;
  const tagModules = (['Contacts', 'Accounts', 'Deals'] as const).filter((m) => s.carryOverTags[m]);
  return JSON.stringify({ a: s.assignTo, d: dealBody(plan), t: tagModules, m: s.moveAttachmentsTo });
}

function massBody(group: LeadPlan[]): Json {
  const first = group[0] as LeadPlan;
  const s = first.settings;
  const body: Json = { ids: group.map((p) => p.lead.id), assign_to: { id: s.assignTo } };
  const deal = dealBody(first);
  if (deal) body.Deals = deal;
  const tagModules = (['Contacts', 'Accounts', 'Deals'] as const).filter((m) => s.carryOverTags[m]);
  if (tagModules.length > 0) body.carry_over_tags = tagModules.map((api_name) => ({ api_name }));
  if (s.moveAttachmentsTo !== 'Contacts') body.move_attachments_to = { api_name: s.moveAttachmentsTo };
  return body;
}

function skip(plan: LeadPlan, reason: string): SkippedRecord {
  return { key: plan.lead.key, id: plan.lead.id, name: plan.lead.name, codes: plan.findings.filter((f) => f.severity === 'error').map((f) => f.code ?? ''), reason };
}

/**
 * The requests for a set of plans. Refused plans and batch rows without a Zoho id are
 * skipped with their reason; `mode: 'mass'` groups the leads Mass Convert can take.
 */
export function leadRequests(plans: readonly LeadPlan[], opts: { version: ApiVersion; mode: 'single' | 'mass' }): RequestSet {
  const base = `/crm/${opts.version}/Leads`;
  const requests: ZohoRequest[] = [];
  const skipped: SkippedRecord[] = [];
  const notes: string[] = [];
  const singles: LeadPlan[] = [];
  const groups = new Map<string, LeadPlan[]>();
  let massRefusedForOwner = false;
  for (const p of plans) {
    if (p.status !== 'ready') {
      skipped.push(skip(p, 'Zoho would refuse this conversion.'));
    } else if (p.lead.id === null) {
      skipped.push(skip(p, `Batch row ${p.lead.batchRow ?? '?'} has no Zoho record id yet: upload the batch and load its result file first.`));
    } else if (opts.mode === 'mass' && !p.settings.assignTo) {
      massRefusedForOwner = true;
      singles.push(p);
    } else if (opts.mode === 'mass' && chosen(p).contact === null && chosen(p).account === null) {
      const key = massKey(p);
      groups.set(key, [...(groups.get(key) ?? []), p]);
    } else {
      singles.push(p);
    }
  }
  if (massRefusedForOwner) notes.push('Mass Convert needs assign_to (a user id); without it every lead gets a Convert Lead request of its own.');
  if (opts.mode === 'mass' && singles.some((p) => chosen(p).contact !== null || chosen(p).account !== null)) {
    notes.push('Mass Convert cannot name the Contact or Account to merge into, so the leads with chosen targets get a Convert Lead request each.');
  }
  if (opts.version === 'v2' && plans.some((p) => p.settings.moveAttachmentsTo !== 'Contacts' || Object.values(p.settings.carryOverTags).some(Boolean))) {
    notes.push('API v2 takes neither move_attachments_to nor carry_over_tags; they are left out. Write v8 requests to keep them.');
  }
  let seq = 0;
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i += MASS_CONVERT_LIMIT) {
      const chunk = group.slice(i, i + MASS_CONVERT_LIMIT);
      seq += 1;
      requests.push({
        file: `${seqName(seq)}-mass-convert-leads.json`,
        method: 'POST',
        path: `${base}/actions/mass_convert`,
        scope: 'ZohoCRM.mass_convert.leads.CREATE',
        body: massBody(chunk),
        records: chunk.map((p) => ({ key: p.lead.key, id: p.lead.id ?? '', name: p.lead.name })),
      });
    }
  }
  for (const p of singles) {
    seq += 1;
    const id = p.lead.id ?? '';
    requests.push({
      file: `${seqName(seq)}-convert-lead-${id}.json`,
      method: 'POST',
      path: `${base}/${id}/actions/convert`,
      scope: 'ZohoCRM.modules.leads.CREATE',
      body: convertLeadBody(p, opts.version),
      records: [{ key: p.lead.key, id, name: p.lead.name }],
    });
  }
  return { kind: 'lead-conversion', version: opts.version, requests, skipped, notes };
}
