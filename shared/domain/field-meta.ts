/**
 * Normalised metadata of one Zoho field, whatever source it came from (our standard set or an
 * org's Fields API response). Spellings of the source are resolved when it is parsed, so the
 * rest of the code never has to know about `casesensitive` vs `case_sensitive`.
 */
export interface FieldMeta {
  apiName: string;
  label: string;
  dataType: string;
  length: number | null;
  decimalPlaces: number | null;
  systemMandatory: boolean;
  /**
   * Required by the layout (the UI's form) though not by Zoho's API: Bulk Write inserts the
   * record without it, so a missing value is only a warning (ZOHO-SPEC §3).
   */
  layoutMandatory: boolean;
  readOnly: boolean;
  custom: boolean;
  unique: { caseSensitive: boolean } | null;
  picklist: string[] | null;
  lookupModule: string | null;
  /** Lead conversion mapping (Leads only): target field per module, null when unmapped. */
  convertMapping: { Contacts: string | null; Accounts: string | null; Deals: string | null } | null;
  /** Textarea size class (`small`, `large`, `rich_text`) when the field is a textarea. */
  textareaType: string | null;
  /**
   * Picklist dependencies (`pick_list_values[].maps`): for each value of this picklist, the
   * values another field may take with it. A Deal's Pipeline maps to the Stages it contains.
   * Absent when the metadata has none.
   */
  picklistMaps?: Record<string, Record<string, string[]>>;
}

/** Data types whose values are record IDs pointing at another module. */
export const LOOKUP_TYPES: ReadonlySet<string> = new Set([
  'lookup',
  'ownerlookup',
  'userlookup',
]);

/** Data types that hold a list of entries (line items, subforms) rather than one value. */
export const LIST_TYPES: ReadonlySet<string> = new Set(['subform', 'multiselectlookup']);
