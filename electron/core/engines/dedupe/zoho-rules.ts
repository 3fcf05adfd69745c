/**
 * Zoho's own duplicate matching, exactly as its Lead Conversion Options API applies it (pure).
 *
 * Seed S0 (Kaizen #137) and ZOHO-SPEC §5.4: for a lead, Contacts are matched by unique field 1 >
 * unique field 2 > Email, Accounts by unique field 1 > unique field 2 > Account_Name (from the
 * lead's Company); lead values reach Contact and Account fields through the conversion mapping.
 * When no unique field matches (or there is none), the fallbacks are the lead's Email against
 * Contacts' Email, its Company against Account_Name, and its name against the Contacts' names.
 * The same shape serves batches of any module against any module: the target's unique fields,
 * then its system duplicate-check field (ZOHO-SPEC §1.7), then the name fallback for people.
 *
 * Decisions where the sources are silent:
 * - Every rule is tried and every hit kept, best rule first (the seed returns a Contact found by
 *   Phone and another found by Email); a record found by several rules is listed once, under
 *   its best rule, with every field that matched.
 * - The name fallback runs only when neither a unique field nor the system field found a
 *   record of that module: it is the weakest rule, and in a large CRM a bare name finds many.
 * - Values are compared trimmed, case-insensitively unless the unique field's metadata says it
 *   is case-sensitive (Email, Account_Name and names are never case-sensitive).
 * - A Contacts batch reaches Leads fields through the Leads conversion mapping read backwards,
 *   and Accounts only through its Account_Name (an Account id or name); other pairs of modules
 *   compare fields of the same API name.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';

/** The field Zoho checks for duplicates when no unique field is set, per module (ZOHO-SPEC §1.7). */
export const SYSTEM_DUPLICATE_FIELD: Readonly<Record<string, string>> = {
  Leads: 'Email',
  Contacts: 'Email',
  Accounts: 'Account_Name',
  Deals: 'Deal_Name',
  Products: 'Product_Name',
  Quotes: 'Subject',
  Sales_Orders: 'Subject',
  Purchase_Orders: 'Subject',
  Invoices: 'Subject',
  Campaigns: 'Campaign_Name',
  Vendors: 'Vendor_Name',
  Price_Books: 'Price_Book_Name',
  Cases: 'Subject',
  Solutions: 'Solution_Title',
};

/** The system duplicate-check field of a module (custom modules use `Name`). */
export function systemDuplicateField(module: string): string {
  return SYSTEM_DUPLICATE_FIELD[module] ?? 'Name';
}

/** Modules whose records are people, for which the name fallback applies. */
export const PERSON_MODULES: ReadonlySet<string> = new Set(['Leads', 'Contacts']);

/** The pseudo-field the name rule reports, as Zoho names a person's whole name. */
export const NAME_FIELD = 'Full_Name';

/** Which of Zoho's rules found a record. */
export type ZohoRule = 'unique' | 'email' | 'account-name' | 'name' | 'system';

/** Looks records up in the replica by an exact value. */
export interface ExactFinder {
  /**
   * Ids of `module` records whose `field` equals `value` (trimmed; case-insensitively unless
   * `caseSensitive`). `field` may be NAME_FIELD: records whose first and last name (or
   * Full_Name) equal `value`, case and spacing aside.
   */
  find(module: string, field: string, value: string, caseSensitive: boolean): readonly string[];
}

/** One rule that found a record, with the field and the incoming value that matched. */
export interface ZohoHit {
  id: string;
  rule: ZohoRule;
  /** The target record's fields that matched, best rule first. */
  matched: { field: string; value: string; rule: ZohoRule }[];
}

/** The record being checked: its module, its metadata and its values by field API name. */
export interface SourceRecord {
  module: string;
  fields: readonly FieldMeta[];
  values: (field: string) => string;
}

/** A target module: its name and its metadata. */
export interface TargetModule {
  module: string;
  fields: readonly FieldMeta[];
}

/**
 * For each target field, the source field whose value is compared with it.
 *
 * Leads -> Contacts/Accounts through the lead's conversion mapping; Contacts -> Leads through
 * the same mapping read backwards; Contacts -> Accounts by Account_Name only; otherwise fields
 * of the same API name.
 */
export function targetFieldSources(source: { module: string; fields: readonly FieldMeta[] }, target: TargetModule): Map<string, string> {
  const out = new Map<string, string>();
  const targetNames = new Set(target.fields.map((f) => f.apiName));
  if (source.module === target.module) {
    for (const f of source.fields) out.set(f.apiName, f.apiName);
    return out;
  }
  if (source.module === 'Leads' && (target.module === 'Contacts' || target.module === 'Accounts')) {
    for (const f of source.fields) {
      const to = f.convertMapping?.[target.module];
      if (to && targetNames.has(to) && !out.has(to)) out.set(to, f.apiName);
    }
    return out;
  }
  if ((source.module === 'Contacts' || source.module === 'Accounts') && target.module === 'Leads') {
    for (const f of target.fields) {
      const from = f.convertMapping?.[source.module];
      if (from && source.fields.some((s) => s.apiName === from)) out.set(f.apiName, from);
    }
    return out;
  }
  if (source.module === 'Contacts' && target.module === 'Accounts') {
    if (source.fields.some((f) => f.apiName === 'Account_Name')) out.set('Account_Name', 'Account_Name');
    return out;
  }
  const sourceNames = new Set(source.fields.map((f) => f.apiName));
  for (const name of targetNames) if (sourceNames.has(name)) out.set(name, name);
  return out;
}

/** Unique fields of a module in metadata order (Zoho allows two user-defined ones). */
export function uniqueFields(fields: readonly FieldMeta[]): FieldMeta[] {
  return fields.filter((f) => f.unique !== null);
}

function ruleOfSystemField(field: string): ZohoRule {
  if (field === 'Email') return 'email';
  if (field === 'Account_Name') return 'account-name';
  return 'system';
}

/** A person's whole name from first and last name, else Full_Name ('' when none). */
export function personName(values: (field: string) => string, firstField = 'First_Name', lastField = 'Last_Name'): string {
  const parts = [values(firstField), values(lastField)].map((v) => v.trim()).filter((v) => v !== '');
  return parts.length > 0 ? parts.join(' ') : values(NAME_FIELD).trim();
}

/**
 * The records of one target module that Zoho's rules find for a source record, best rule
 * first. Empty when nothing matches.
 */
export function zohoMatches(source: SourceRecord, target: TargetModule, finder: ExactFinder): ZohoHit[] {
  const sources = targetFieldSources(source, target);
  const hits = new Map<string, ZohoHit>();
  const add = (ids: readonly string[], rule: ZohoRule, field: string, value: string): void => {
    for (const id of ids) {
      const hit = hits.get(id);
      if (hit) {
        if (!hit.matched.some((m) => m.field === field)) hit.matched.push({ field, value, rule });
      } else {
        hits.set(id, { id, rule, matched: [{ field, value, rule }] });
      }
    }
  };
  const valueFor = (targetField: string): string => {
    const from = sources.get(targetField);
    return from === undefined ? '' : source.values(from).trim();
  };
  for (const u of uniqueFields(target.fields)) {
    const value = valueFor(u.apiName);
    if (value !== '') add(finder.find(target.module, u.apiName, value, u.unique?.caseSensitive ?? false), 'unique', u.apiName, value);
  }
  const system = systemDuplicateField(target.module);
  const systemMeta = target.fields.find((f) => f.apiName === system);
  if (systemMeta && systemMeta.unique === null) {
    const value = valueFor(system);
    if (value !== '') add(finder.find(target.module, system, value, false), ruleOfSystemField(system), system, value);
  }
  if (hits.size === 0 && PERSON_MODULES.has(target.module) && PERSON_MODULES.has(source.module)) {
    const name = personName(source.values);
    if (name !== '') add(finder.find(target.module, NAME_FIELD, name, false), 'name', NAME_FIELD, name);
  }
  return [...hits.values()];
}
