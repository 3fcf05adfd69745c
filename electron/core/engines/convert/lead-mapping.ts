/**
 * The org's lead conversion mapping (pure): which Contact, Account and Deal field each Lead
 * field becomes, read from the Leads metadata's `convert_mapping` (ZOHO-SPEC §5.1).
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';

export type TargetModule = 'Contacts' | 'Accounts' | 'Deals';

/** Target field values per module, from the lead's values. */
export type MappedValues = Record<TargetModule, Record<string, string>>;

/** One mapping entry: lead field -> target field. */
export interface MappingEntry {
  lead: string;
  target: string;
}

/** The mapping per target module, in Leads metadata order. */
export function conversionMapping(leadFields: readonly FieldMeta[]): Record<TargetModule, MappingEntry[]> {
  const out: Record<TargetModule, MappingEntry[]> = { Contacts: [], Accounts: [], Deals: [] };
  for (const f of leadFields) {
    const m = f.convertMapping;
    if (!m) continue;
    for (const module of ['Contacts', 'Accounts', 'Deals'] as const) {
      const target = m[module];
      if (target) out[module].push({ lead: f.apiName, target });
    }
  }
  return out;
}

/**
 * The values a lead gives each target module. Empty lead values are left out, as Zoho creates
 * the record without them; values are copied as they are (text stays text).
 */
export function mapLeadValues(values: Readonly<Record<string, string>>, mapping: Record<TargetModule, MappingEntry[]>): MappedValues {
  const out: MappedValues = { Contacts: {}, Accounts: {}, Deals: {} };
  for (const module of ['Contacts', 'Accounts', 'Deals'] as const) {
    for (const { lead, target } of mapping[module]) {
      const v = values[lead];
      if (v !== undefined && v !== '') out[module][target] = v;
    }
  }
  return out;
}
