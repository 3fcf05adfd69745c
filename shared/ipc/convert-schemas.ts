/**
 * Zod schemas of the conversion channels (issue 11): lead plans, simulations, request folders,
 * inventory plans. They mirror the domain types of shared/domain/convert.ts.
 */
import { z } from 'zod';

const Id = z.string().min(1).max(100);

export const ConvertCodeSchema = z.enum(['INVALID_DATA', 'DUPLICATE_DATA', 'RECORD_LOCKED', 'NOT_APPROVED', 'NOT_REVIEWED', 'ID_ALREADY_CONVERTED', 'MANDATORY_NOT_FOUND']);

export const RecordRefSchema = z.object({ module: z.string(), id: z.string(), name: z.string() });

export const ConvertFindingSchema = z.object({
  code: ConvertCodeSchema.nullable(),
  severity: z.enum(['error', 'note']),
  message: z.string(),
  about: z.string(),
  field: z.string().nullable(),
  record: RecordRefSchema.nullable(),
});

export const DealInputSchema = z
  .object({
    Deal_Name: z.string().max(255),
    Closing_Date: z.string().max(40),
    Stage: z.string().max(120),
    Pipeline: z.string().max(120),
    Amount: z.string().max(40),
    Contact_Role: z.string().max(40),
  })
  .strict();

export const LeadConvertSettingsSchema = z
  .object({
    overwrite: z.boolean(),
    notifyLeadOwner: z.boolean(),
    notifyNewEntityOwner: z.boolean(),
    assignTo: z.string().max(40).nullable(),
    moveAttachmentsTo: z.enum(['Contacts', 'Accounts', 'Deals']),
    carryOverTags: z.object({ Contacts: z.boolean(), Accounts: z.boolean(), Deals: z.boolean() }).strict(),
    deal: DealInputSchema.nullable(),
  })
  .strict();

const TargetSource = z.enum(['review', 'picked', 'contact-account', 'zoho-match']);

export const LeadChoiceSchema = z.object({
  contactId: z.string().nullable(),
  accountId: z.string().nullable(),
  contactSource: TargetSource.nullable(),
  accountSource: TargetSource.nullable(),
  deal: DealInputSchema.nullable().optional(),
  review: z.enum(['merge', 'create']).optional(),
});

export const PlannedRecordSchema = z.object({
  module: z.enum(['Contacts', 'Accounts', 'Deals']),
  action: z.enum(['create', 'merge']),
  id: z.string().nullable(),
  name: z.string(),
  source: TargetSource.nullable(),
  values: z.record(z.string(), z.string()),
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  tags: z.array(z.string()),
});

export const LeadPlanSchema = z.object({
  lead: z.object({ key: z.string(), id: z.string().nullable(), batchRow: z.number().int().nullable(), name: z.string(), company: z.string(), email: z.string() }),
  status: z.enum(['ready', 'refused']),
  contact: PlannedRecordSchema.nullable(),
  account: PlannedRecordSchema.nullable(),
  deal: PlannedRecordSchema.nullable(),
  leadChanges: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  findings: z.array(ConvertFindingSchema),
  settings: LeadConvertSettingsSchema,
  choice: LeadChoiceSchema,
});

export const LeadSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('replica'), ids: z.array(Id).min(1).max(100_000).nullable() }).strict(),
  z.object({ kind: z.literal('batch'), batch: z.number().int().min(1), rows: z.array(z.number().int().min(1)).min(1).max(100_000).nullable() }).strict(),
]);

export const RunSummarySchema = z.object({
  run: z.number().int(),
  source: LeadSelectionSchema,
  settings: LeadConvertSettingsSchema,
  createdAt: z.string(),
  leads: z.number().int(),
  ready: z.number().int(),
  refused: z.number().int(),
  simulated: z.number().int(),
  /** Refused plans per Zoho code. */
  codes: z.record(z.string(), z.number().int()),
  /** Batch rows not planned because of their review decision. */
  leftOut: z.object({ skip: z.number().int(), mergeRow: z.number().int(), mergeLead: z.number().int(), rows: z.array(z.number().int()) }),
});

const PlanSide = z.object({ action: z.enum(['create', 'merge']), name: z.string(), id: z.string().nullable(), source: TargetSource.nullable().optional() }).nullable();

export const PlanListItemSchema = z.object({
  key: z.string(),
  id: z.string().nullable(),
  batchRow: z.number().int().nullable(),
  name: z.string(),
  company: z.string(),
  status: z.enum(['ready', 'refused']),
  simulation: z.number().int().nullable(),
  contact: PlanSide,
  account: PlanSide,
  deal: z.object({ name: z.string() }).nullable(),
  codes: z.array(z.string()),
  firstProblem: z.string().nullable(),
});

export const PlanFilterSchema = z.enum(['all', 'ready', 'refused', 'simulated']);

export const SimulationInfoSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['leads', 'inventory']),
  run: z.number().int().nullable(),
  label: z.string(),
  conversions: z.number().int(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  /** False while a later simulation still applied changed the same records. */
  canUndo: z.boolean(),
});

export const WrittenRequestsSchema = z.object({
  folder: z.string(),
  manifest: z.string(),
  readme: z.string(),
  requests: z.number().int(),
  records: z.number().int(),
  skipped: z.array(z.object({ key: z.string(), id: z.string().nullable(), name: z.string(), codes: z.array(z.string()), reason: z.string() })),
  notes: z.array(z.string()),
});

export const ApiVersionSchema = z.enum(['v2', 'v8']);

export const InventoryPlanSchema = z.object({
  source: RecordRefSchema,
  requested: z.array(z.string()),
  target: z.string().nullable(),
  status: z.enum(['ready', 'refused']),
  findings: z.array(ConvertFindingSchema),
  record: z
    .object({
      module: z.string(),
      name: z.string(),
      values: z.record(z.string(), z.string()),
      lineItemField: z.string(),
      lineItems: z.array(z.record(z.string(), z.unknown())),
      tags: z.array(z.string()),
    })
    .nullable(),
  carried: z.array(z.object({ field: z.string(), value: z.string() })),
  backLink: z.object({ field: z.string(), id: z.string() }).nullable(),
  carryOverTags: z.boolean(),
});

export const InventoryModuleSchema = z.enum(['Quotes', 'Sales_Orders', 'Invoices']);
export const InventoryTargetSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/);
