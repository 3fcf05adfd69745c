/**
 * A small org for the conversion tests: the standard metadata (with Phone unique in Contacts,
 * as in seed S0), the seed's Pat Boyle records, and a lead world over plain maps.
 */
import path from 'node:path';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { LeadConvertSettings, LeadSource } from '../../../shared/domain/convert';
import { loadStandardMetadata } from '../../../electron/core/engines/metadata/standard-metadata';
import { conversionMapping } from '../../../electron/core/engines/convert/lead-mapping';
import { UniqueIndex } from '../../../electron/core/engines/convert/unique-index';
import type { LeadWorld, RecordValues } from '../../../electron/core/engines/convert/lead-world';
import { recordName } from '../../../shared/domain/record-name';
import { ROOT } from '../../helpers/temp-dir';

export function standardFields(module: string): FieldMeta[] {
  const f = loadStandardMetadata(path.join(ROOT, 'resources'), module);
  if (!f) throw new Error(`no metadata for ${module}`);
  return f;
}

/** Standard fields with some made unique (case-insensitive, Zoho's default). */
export function withUnique(fields: FieldMeta[], unique: string[]): FieldMeta[] {
  return fields.map((f) => (unique.includes(f.apiName) ? { ...f, unique: { caseSensitive: false } } : f));
}

export const PAT_CONTACT = '4876876000007421001';
export const BOYLE_CONTACT = '4876876000007437017';
export const ZYLKER_ACCOUNT = '4876876000007421010';
export const OTHER_ACCOUNT = '4876876000007421099';

export function seedRecords(): Map<string, Record<string, string>> {
  return new Map<string, Record<string, string>>([
    [`Contacts:${PAT_CONTACT}`, { First_Name: 'Pat', Last_Name: 'Boyle', Full_Name: 'Pat Boyle', Phone: '9844444444', Account_Name: ZYLKER_ACCOUNT, 'Account_Name.name': 'Zylker Biotech', Locked__s: 'false' }],
    [`Contacts:${BOYLE_CONTACT}`, { Last_Name: 'Boyle', Full_Name: 'Boyle', Email: 'pat.boyle@zylker.com', Locked__s: 'false' }],
    [`Accounts:${ZYLKER_ACCOUNT}`, { Account_Name: 'Zylker Biotech', Locked__s: 'false' }],
    [`Accounts:${OTHER_ACCOUNT}`, { Account_Name: 'Other Corp', Locked__s: 'false' }],
  ]);
}

/** A world over `records` (`Module:id` -> values); unique fields indexed from them. */
export function makeWorld(opts: { records?: Map<string, Record<string, string>>; contacts?: FieldMeta[]; accounts?: FieldMeta[]; users?: Map<string, { name: string; active: boolean }> } = {}): LeadWorld {
  const records = opts.records ?? seedRecords();
  const fields = {
    Leads: standardFields('Leads'),
    Contacts: opts.contacts ?? withUnique(standardFields('Contacts'), ['Phone']),
    Accounts: opts.accounts ?? standardFields('Accounts'),
    Deals: standardFields('Deals'),
  };
  const uniques = new UniqueIndex();
  for (const m of ['Contacts', 'Accounts', 'Deals'] as const) uniques.addModule(m, fields[m]);
  for (const [key, values] of records) {
    const [module, id] = key.split(':') as [string, string];
    uniques.add(module, values, { module, id, name: recordName(module, (k) => values[k]), plannedBy: null });
  }
  return {
    fields,
    mapping: conversionMapping(fields.Leads),
    record: (module, id): RecordValues | null => records.get(`${module}:${id}`) ?? null,
    uniques,
    user: (id) => (opts.users ? (opts.users.get(id) ?? null) : undefined),
    now: '2026-11-22T10:00:00.000Z',
  };
}

export const PAT_LEAD: LeadSource = {
  key: '4876876000007400001',
  id: '4876876000007400001',
  batchRow: null,
  values: {
    First_Name: 'Pat',
    Last_Name: 'Boyle',
    Company: 'Zylker Biotech',
    Phone: '9844444444',
    Email: 'pat.boyle@zylker.com',
    Designation: 'CTO',
    Zip_Code: '0012345',
    No_of_Employees: '120',
    Description: 'Met at the trade show',
    Lead_Source: 'Trade Show',
    Owner: '4876876000000225001',
    Tag: '[{"name":"VIP","id":"1"},{"name":"Expo 2026","id":"2"}]',
  },
};

export function settings(p: Partial<LeadConvertSettings> = {}): LeadConvertSettings {
  return {
    overwrite: false,
    notifyLeadOwner: false,
    notifyNewEntityOwner: false,
    assignTo: null,
    moveAttachmentsTo: 'Contacts',
    carryOverTags: { Contacts: false, Accounts: false, Deals: false },
    deal: null,
    ...p,
  };
}

export const ZYLKER_DEAL = { Deal_Name: 'Zylker Deal', Closing_Date: '2024-10-20', Stage: 'Negotiation/Review', Amount: '20000000', Pipeline: 'Standard (Standard)', Contact_Role: '' };
