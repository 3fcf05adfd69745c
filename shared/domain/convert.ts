/**
 * Offline conversions: what converting a Lead (into a Contact, an Account and a Deal) or an
 * inventory record (Quote -> Sales Order / Invoice, Sales Order -> Invoice) would produce in
 * Zoho, and what Zoho would refuse, with Zoho's own error codes (ZOHO-SPEC §5, §6).
 */

/** The codes Zoho answers a conversion with (seed S0, S2, ZOHO-SPEC §5.2). */
export type ConvertCode =
  | 'INVALID_DATA'
  | 'DUPLICATE_DATA'
  | 'RECORD_LOCKED'
  | 'NOT_APPROVED'
  | 'NOT_REVIEWED'
  | 'ID_ALREADY_CONVERTED'
  | 'MANDATORY_NOT_FOUND';

/** A record a finding is about, for the user to open. */
export interface RecordRef {
  module: string;
  id: string;
  name: string;
}

/**
 * One thing to know about a conversion. Errors are refusals: Zoho would answer with the code
 * and convert nothing. Notes are what Zoho would do that the user may not expect; they carry a
 * code only where Zoho's answer would name one.
 */
export interface ConvertFinding {
  code: ConvertCode | null;
  severity: 'error' | 'note';
  message: string;
  /** What the finding is about: `Leads` (the lead itself), `Contacts`, `Accounts`, `Deals`, `options`. */
  about: string;
  field: string | null;
  record: RecordRef | null;
}

/** Modules the lead's attachments can move to (`move_attachments_to`). */
export type AttachmentTarget = 'Contacts' | 'Accounts' | 'Deals';

/** The new Deal a conversion creates; '' means "not given". */
export interface DealInput {
  Deal_Name: string;
  Closing_Date: string;
  Stage: string;
  Pipeline: string;
  Amount: string;
  /** Contact role id (`Contact_Role`), optional. */
  Contact_Role: string;
}

/** The options of a conversion, as Zoho's Convert Lead API takes them (§5.2). */
export interface LeadConvertSettings {
  overwrite: boolean;
  notifyLeadOwner: boolean;
  notifyNewEntityOwner: boolean;
  /** User id that owns the new records (`assign_to`); null keeps the lead's owner. */
  assignTo: string | null;
  moveAttachmentsTo: AttachmentTarget;
  /** Which modules get the lead's tags (`carry_over_tags`). */
  carryOverTags: { Contacts: boolean; Accounts: boolean; Deals: boolean };
  /** The deal to create for each lead, or null for no deal (Zoho creates none unless asked). */
  deal: DealInput | null;
}

/**
 * Where a merge target came from: the duplicate review's decision, picked on the Convert
 * screen, one of Zoho's conversion options taken as offered, or the Account a merged Contact
 * brings along.
 */
export type TargetSource = 'review' | 'picked' | 'contact-account' | 'zoho-match';

/**
 * What the user chose for one lead: merge into an existing Contact and/or Account, or create
 * new ones (null); and a deal of its own (undefined: the run's deal).
 */
export interface LeadChoice {
  contactId: string | null;
  accountId: string | null;
  /** Where the targets came from, for the plan to say so. */
  contactSource: TargetSource | null;
  accountSource: TargetSource | null;
  deal?: DealInput | null;
  /** The duplicate review's decision this choice started from (batch rows reviewed as merge or create). */
  review?: 'merge' | 'create';
}

/**
 * Rows of a batch run that were not planned because of their review decision: skipped, merged
 * into another row of the file, or merged into an existing Lead (then that Lead converts).
 */
export interface LeftOutRows {
  skip: number;
  mergeRow: number;
  mergeLead: number;
  /** The first of those rows (at most LEFT_OUT_SAMPLE), for the user to find them. */
  rows: number[];
}

/** How many left-out row numbers a run keeps. */
export const LEFT_OUT_SAMPLE = 50;

/** A lead as a plan reads it: its values by API name, from the replica or a batch row. */
export interface LeadSource {
  /** The replica id, or `row:N` for batch row N. */
  key: string;
  /** Zoho's record id; null for a batch row not yet in Zoho. */
  id: string | null;
  batchRow: number | null;
  values: Readonly<Record<string, string>>;
}

/** A record a conversion creates or merges into. */
export interface PlannedRecord {
  module: 'Contacts' | 'Accounts' | 'Deals';
  action: 'create' | 'merge';
  /** The existing record's id (merge); null for a record Zoho will create. */
  id: string | null;
  name: string;
  /** How the target was chosen (merge), or null for a new record. */
  source: TargetSource | null;
  /** Create: every value the new record gets. Merge: the existing record's values, unchanged. */
  values: Record<string, string>;
  /** Merge: the fields the conversion changes on the existing record. */
  changes: { field: string; before: string; after: string }[];
  /** Tags the record receives from the lead (`carry_over_tags`). */
  tags: string[];
}

/** What converting one lead gives: the records, the lead's new state, and Zoho's findings. */
export interface LeadPlan {
  lead: { key: string; id: string | null; batchRow: number | null; name: string; company: string; email: string };
  status: 'ready' | 'refused';
  contact: PlannedRecord | null;
  account: PlannedRecord | null;
  deal: PlannedRecord | null;
  /** Values the lead takes once converted (`Converted__s`, `Converted_Contact`, …). */
  leadChanges: { field: string; before: string; after: string }[];
  findings: ConvertFinding[];
  /** The effective options (the run's, with this lead's deal). */
  settings: LeadConvertSettings;
  choice: LeadChoice;
}

/** Inventory modules that convert, and what each converts to. */
export const INVENTORY_TARGETS: Readonly<Record<string, readonly string[]>> = {
  Quotes: ['Sales_Orders', 'Invoices'],
  Sales_Orders: ['Invoices'],
};

/** The line-item subform of each inventory module. */
export const LINE_ITEM_FIELD: Readonly<Record<string, string>> = {
  Quotes: 'Quoted_Items',
  Sales_Orders: 'Ordered_Items',
  Invoices: 'Invoiced_Items',
  Purchase_Orders: 'Purchase_Items',
};

/** What converting one inventory record gives. */
export interface InventoryPlan {
  source: RecordRef;
  /** The target modules asked for (Zoho takes exactly one). */
  requested: string[];
  target: string | null;
  status: 'ready' | 'refused';
  findings: ConvertFinding[];
  /** The child record Zoho would create: header values, line items (JSON entries), tags. */
  record: {
    module: string;
    name: string;
    values: Record<string, string>;
    lineItemField: string;
    lineItems: Record<string, unknown>[];
    tags: string[];
  } | null;
  /** Header fields copied from the parent, in metadata order. */
  carried: { field: string; value: string }[];
  /** The lookup on the child that points back at the parent (`Quote_Name`, `Sales_Order`). */
  backLink: { field: string; id: string } | null;
  carryOverTags: boolean;
}
