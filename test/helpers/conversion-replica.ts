/**
 * Loads the conversion fixtures (test/fixtures/zoho/conversion) into a temporary core's replica.
 */
import path from 'node:path';
import type { TempCore } from './temp-core';
import { FIXTURES } from './temp-dir';

export const CONVERSION_FIXTURES = path.join(FIXTURES, 'zoho', 'conversion');

export const IDS = {
  patLead: '4876876000007400001',
  adaLead: '4876876000007400002',
  convertedLead: '4876876000007400003',
  lockedLead: '4876876000007400004',
  unapprovedLead: '4876876000007400005',
  noCompanyLead: '4876876000007400006',
  twinLead: '4876876000007400007',
  patContact: '4876876000007421001',
  boyleContact: '4876876000007437017',
  lockedContact: '4876876000007421003',
  standaloneContact: '4876876000007421004',
  zylker: '4876876000007421010',
  otherCorp: '4876876000007421099',
  labQuote: '4876876000000640001',
  pendingQuote: '4876876000000640002',
  reviewQuote: '4876876000000640003',
  orderedQuote: '4876876000000640004',
  salesOrder: '4876876000000650001',
  wonDeal: '4876876000007459060',
  lostDeal: '4876876000007459061',
} as const;

/** Loads the given modules' fixtures (all of them by default). */
export async function loadConversionReplica(t: TempCore, modules = ['Leads', 'Contacts', 'Accounts', 'Quotes', 'Sales_Orders', 'Deals']): Promise<void> {
  for (const module of modules) {
    await t.call('replica.load', { module, source: { kind: 'path', path: path.join(CONVERSION_FIXTURES, `${module}.records.json`) } });
  }
}

/** Makes Phone unique in Contacts, as in seed S0's scenario. */
export async function phoneUnique(t: TempCore): Promise<void> {
  await t.call('metadata.load', { module: 'Contacts', source: { kind: 'path', path: path.join(CONVERSION_FIXTURES, 'Contacts.fields-phone-unique.json') } });
}
