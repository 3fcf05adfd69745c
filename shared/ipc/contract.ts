/**
 * The one IPC contract: every channel the renderer (or the CLI) can call, with the schema of
 * its request and its response.
 *
 * Every transport (Electron IPC, the local HTTP host, the CLI) validates requests against this
 * map before a handler runs, so handlers receive typed, trusted data.
 */
import { z } from 'zod';
import {
  Empty,
  FieldMetaSchema,
  FileSource,
  JobId,
  ModuleName,
  ModuleSummary,
  RecordField,
  ReplicaColumn,
  ReplicaLoadResult,
  WorkspaceInfo,
} from './schemas';
import { BatchMappingSchema, BatchSummarySchema, IssueSchema, SuggestionSchema } from './batch-schemas';
import { UsersLoadResult } from './users-schemas';
import { ReviewDecisionSchema, reviewChannels } from './review-schemas';
import { ExportHistoryItemSchema, ExportOptionsSchema, ExportPlanSchema, ResultsLoadSchema, ZohoRowResultSchema } from './export-schemas';
import {
  ApiVersionSchema,
  DealInputSchema,
  InventoryModuleSchema,
  InventoryPlanSchema,
  InventoryTargetSchema,
  LeadConvertSettingsSchema,
  LeadPlanSchema,
  LeadSelectionSchema,
  PlanFilterSchema,
  PlanListItemSchema,
  RunSummarySchema,
  SimulationInfoSchema,
  WrittenRequestsSchema,
} from './convert-schemas';
import { LeadOptionsResultSchema, LeadRefSchema, OrgModulesSchema } from './lead-options-schemas';
import { CustomersStateSchema, InvoiceCustomerSchema, InvoiceDocumentSchema, PreviewRequestSchema } from './invoice-schemas';

const BatchId = z.number().int().min(1);
const EncodingChoice = z.enum(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
const DelimiterChoice = z.enum(['auto', ',', ';', '\t', '|']);
const RowFilter = z.enum(['all', 'issues', 'errors', 'warnings', 'excluded']);

export const contract = {
  'app.info': {
    req: Empty,
    res: z.object({ version: z.string(), workspace: WorkspaceInfo }),
  },
  'workspace.open': {
    req: z.object({ path: z.string().min(1).max(4096), create: z.boolean() }).strict(),
    res: WorkspaceInfo,
  },
  'workspace.recent': {
    req: Empty,
    res: z.object({ items: z.array(z.object({ path: z.string(), openedAt: z.string() })) }),
  },
  'metadata.modules': {
    req: Empty,
    res: z.object({ modules: z.array(ModuleSummary) }),
  },
  'metadata.fields': {
    req: z.object({ module: ModuleName }).strict(),
    res: z.object({
      module: z.string(),
      source: z.enum(['standard', 'org']),
      fields: z.array(FieldMetaSchema),
    }),
  },
  'metadata.load': {
    req: z.object({ module: ModuleName, source: FileSource }).strict(),
    res: z.object({
      module: z.string(),
      fields: z.number().int(),
      unique: z.array(z.string()),
      mandatory: z.array(z.string()),
      custom: z.array(z.string()),
    }),
  },
  'metadata.reset': {
    req: z.object({ module: ModuleName }).strict(),
    res: z.object({ module: z.string(), source: z.literal('standard') }),
  },
  'replica.load': {
    req: z.object({ module: ModuleName, source: FileSource, jobId: JobId.optional() }).strict(),
    res: ReplicaLoadResult,
  },
  'replica.stats': {
    req: Empty,
    res: z.object({ modules: z.record(z.string(), z.number().int()) }),
  },
  'replica.page': {
    req: z
      .object({
        module: ModuleName,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
        sort: z.object({ key: z.string().max(200), dir: z.enum(['asc', 'desc']) }).nullable(),
        search: z.string().max(200),
      })
      .strict(),
    res: z.object({
      module: z.string(),
      total: z.number().int(),
      offset: z.number().int(),
      columns: z.array(ReplicaColumn),
      rows: z.array(z.object({ id: z.string(), cells: z.record(z.string(), z.string()) })),
    }),
  },
  'replica.record': {
    req: z.object({ module: ModuleName, id: z.string().min(1).max(100) }).strict(),
    res: z.object({ module: z.string(), id: z.string(), title: z.string(), fields: z.array(RecordField) }),
  },
  'job.cancel': {
    req: z.object({ jobId: JobId }).strict(),
    res: z.object({ cancelled: z.boolean() }),
  },
  'upload.begin': {
    req: z.object({ name: z.string().min(1).max(255), size: z.number().int().min(0) }).strict(),
    res: z.object({ uploadId: z.string() }),
  },
  'upload.chunk': {
    req: z
      .object({
        uploadId: z.string().regex(/^[a-f0-9]{32}$/),
        offset: z.number().int().min(0),
        base64: z.string().max(16 * 1024 * 1024),
      })
      .strict(),
    res: z.object({ received: z.number().int() }),
  },
  'upload.finish': {
    req: z.object({ uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
    res: z.object({ uploadId: z.string(), size: z.number().int() }),
  },
  'import.preview': {
    req: z.object({ source: FileSource, module: ModuleName, encoding: EncodingChoice, delimiter: DelimiterChoice }).strict(),
    res: z.object({
      encoding: z.string(),
      delimiter: z.string(),
      detected: z.object({ encoding: z.string(), delimiter: z.string(), encodingConfidence: z.string(), delimiterConfidence: z.string() }),
      header: z.array(z.string()),
      rows: z.array(z.array(z.string())),
      raggedRows: z.array(z.object({ row: z.number().int(), fields: z.number().int() })),
      suggestions: z.array(SuggestionSchema),
      /** Templates saved for these headers, each as the mapping it gives this file. */
      templates: z.array(z.object({ name: z.string(), module: z.string(), mapping: BatchMappingSchema })),
      ambiguousDateColumns: z.array(z.string()),
      /** Picklist field -> source value -> picklist value, as the user mapped them before. */
      picklistMemory: z.record(z.string(), z.record(z.string(), z.string())),
    }),
  },
  'import.start': {
    req: z
      .object({
        source: FileSource,
        module: ModuleName,
        encoding: EncodingChoice,
        delimiter: DelimiterChoice,
        mapping: BatchMappingSchema.nullable(),
        template: z.string().max(200).nullable(),
        jobId: JobId.optional(),
      })
      .strict(),
    res: BatchSummarySchema,
  },
  'batch.list': {
    req: Empty,
    res: z.object({
      batches: z.array(z.object({ batch: z.number().int(), module: z.string(), sourceName: z.string(), rows: z.number().int(), createdAt: z.string() })),
    }),
  },
  'batch.summary': {
    req: z.object({ batch: BatchId }).strict(),
    res: BatchSummarySchema,
  },
  'batch.rows': {
    req: z.object({ batch: BatchId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(500), filter: RowFilter }).strict(),
    res: z.object({
      total: z.number().int(),
      offset: z.number().int(),
      rows: z.array(
        z.object({
          row: z.number().int(),
          excluded: z.boolean(),
          source: z.array(z.string().nullable()),
          values: z.record(z.string(), z.string()),
          edited: z.array(z.string()),
          issues: z.array(IssueSchema),
          /** Field -> what to show instead of the value (a user's name for a user id). */
          display: z.record(z.string(), z.string()),
          /** The duplicate review's decision for the row, if any. */
          decision: ReviewDecisionSchema.nullable(),
          /** The name of what the decision merges into (a record, or the surviving row), else null. */
          decisionTitle: z.string().nullable(),
          /** What Zoho's Bulk Write result said of this row, once a result was loaded back. */
          zoho: ZohoRowResultSchema.nullable().optional(),
        }),
      ),
    }),
  },
  'batch.setMapping': {
    req: z.object({ batch: BatchId, mapping: BatchMappingSchema, jobId: JobId.optional() }).strict(),
    res: BatchSummarySchema,
  },
  'batch.editCell': {
    req: z.object({ batch: BatchId, row: z.number().int().min(1), field: z.string().min(1).max(200), value: z.string().max(100_000).nullable() }).strict(),
    res: BatchSummarySchema,
  },
  'batch.replace': {
    req: z
      .object({
        batch: BatchId,
        field: z.string().min(1).max(200),
        find: z.string().min(1).max(10_000),
        replace: z.string().max(10_000),
        matchCase: z.boolean(),
        wholeCell: z.boolean(),
        jobId: JobId.optional(),
      })
      .strict(),
    res: z.object({ changed: z.number().int(), summary: BatchSummarySchema }),
  },
  'batch.exclude': {
    req: z.object({ batch: BatchId, rows: z.array(z.number().int().min(1)).min(1).max(100_000), excluded: z.boolean() }).strict(),
    res: BatchSummarySchema,
  },
  /** Excludes every row that has an error (one undoable step). */
  'batch.excludeInvalid': {
    req: z.object({ batch: BatchId }).strict(),
    res: z.object({ excluded: z.number().int(), summary: BatchSummarySchema }),
  },
  'batch.undo': {
    req: z.object({ batch: BatchId }).strict(),
    res: BatchSummarySchema,
  },
  'batch.redo': {
    req: z.object({ batch: BatchId }).strict(),
    res: BatchSummarySchema,
  },
  'batch.exportErrors': {
    req: z.object({ batch: BatchId, path: z.string().min(1).max(4096) }).strict(),
    res: z.object({ path: z.string(), rows: z.number().int() }),
  },
  'template.list': {
    req: Empty,
    res: z.object({ templates: z.array(z.object({ name: z.string(), module: z.string(), columns: z.number().int(), updatedAt: z.string() })) }),
  },
  'template.save': {
    req: z.object({ batch: BatchId, name: z.string().min(1).max(200) }).strict(),
    res: z.object({ name: z.string() }),
  },
  'template.apply': {
    req: z.object({ batch: BatchId, name: z.string().min(1).max(200), jobId: JobId.optional() }).strict(),
    res: BatchSummarySchema,
  },
  'template.export': {
    req: z.object({ name: z.string().min(1).max(200), path: z.string().min(1).max(4096) }).strict(),
    res: z.object({ path: z.string() }),
  },
  'template.import': {
    req: z.object({ source: FileSource }).strict(),
    res: z.object({ name: z.string(), module: z.string() }),
  },
  'template.delete': {
    req: z.object({ name: z.string().min(1).max(200) }).strict(),
    res: z.object({ deleted: z.boolean() }),
  },
  /** Loads the org's users (saved Users API response, or a users CSV export) into module Users. */
  'users.load': {
    req: z.object({ source: FileSource, jobId: JobId.optional() }).strict(),
    res: UsersLoadResult,
  },
  /** Validates every row of a batch again (after users or the replica changed). */
  'batch.validate': {
    req: z.object({ batch: BatchId, jobId: JobId.optional() }).strict(),
    res: BatchSummarySchema,
  },
  /** Plans converting the selected leads (in a worker) and stores the plans as a run. */
  'convert.plan': {
    req: z.object({ source: LeadSelectionSchema, settings: LeadConvertSettingsSchema, jobId: JobId.optional() }).strict(),
    res: RunSummarySchema,
  },
  /** A run's summary; `run: null` gives the latest run (or null when there is none). */
  'convert.run': {
    req: z.object({ run: z.number().int().min(1).nullable() }).strict(),
    res: z.object({ run: RunSummarySchema.nullable() }),
  },
  'convert.plans': {
    req: z.object({ run: z.number().int().min(1), filter: PlanFilterSchema, offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) }).strict(),
    res: z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(PlanListItemSchema) }),
  },
  'convert.planDetail': {
    req: z.object({ run: z.number().int().min(1), key: z.string().min(1).max(100) }).strict(),
    res: z.object({ plan: LeadPlanSchema, simulation: z.number().int().nullable() }),
  },
  /** Changes one lead's merge targets or deal and plans it again. `deal: undefined` keeps the run's. */
  'convert.choose': {
    req: z
      .object({
        run: z.number().int().min(1),
        key: z.string().min(1).max(100),
        contactId: z.string().min(1).max(100).nullable(),
        accountId: z.string().min(1).max(100).nullable(),
        deal: DealInputSchema.nullable().optional(),
        /** How a changed target was chosen: picked from the list (default) or taken from Zoho's conversion options. */
        via: z.enum(['picked', 'zoho-match']).optional(),
      })
      .strict(),
    res: z.object({ plan: LeadPlanSchema, run: RunSummarySchema }),
  },
  /** Applies ready plans to the replica (in a worker), recorded so it can be undone. */
  'convert.simulate': {
    req: z.object({ run: z.number().int().min(1), keys: z.array(z.string().min(1).max(100)).min(1).max(100_000).nullable(), jobId: JobId.optional() }).strict(),
    res: z.object({ simulation: SimulationInfoSchema, applied: z.number().int(), refusedNow: z.number().int(), created: z.number().int(), run: RunSummarySchema }),
  },
  'convert.undo': {
    req: z.object({ simulation: z.number().int().min(1), jobId: JobId.optional() }).strict(),
    res: z.object({ simulation: SimulationInfoSchema, removed: z.number().int(), restored: z.number().int(), keptChanged: z.number().int() }),
  },
  'convert.simulations': {
    req: Empty,
    res: z.object({ items: z.array(SimulationInfoSchema) }),
  },
  /** Writes the Convert Lead / Mass Convert requests of a run into a new folder under `path`. */
  'convert.writeRequests': {
    req: z
      .object({
        run: z.number().int().min(1),
        keys: z.array(z.string().min(1).max(100)).min(1).max(100_000).nullable(),
        version: ApiVersionSchema,
        mode: z.enum(['single', 'mass']),
        path: z.string().min(1).max(4096),
      })
      .strict(),
    res: WrittenRequestsSchema,
  },
  'convert.inventoryPlan': {
    req: z.object({ module: InventoryModuleSchema, id: z.string().min(1).max(100), targets: z.array(InventoryTargetSchema).max(5) }).strict(),
    res: z.object({ plan: InventoryPlanSchema }),
  },
  'convert.inventorySimulate': {
    req: z.object({ module: InventoryModuleSchema, id: z.string().min(1).max(100), target: InventoryTargetSchema }).strict(),
    res: z.object({ plan: InventoryPlanSchema, simulation: SimulationInfoSchema, child: z.object({ module: z.string(), id: z.string() }) }),
  },
  'convert.inventoryWrite': {
    req: z
      .object({
        module: InventoryModuleSchema,
        ids: z.array(z.string().min(1).max(100)).min(1).max(10_000),
        targets: z.array(InventoryTargetSchema).max(5),
        version: ApiVersionSchema,
        mode: z.enum(['single', 'mass']),
        path: z.string().min(1).max(4096),
        moduleIds: z.record(z.string(), z.string().regex(/^\d{1,25}$/)).optional(),
      })
      .strict(),
    res: WrittenRequestsSchema,
  },
  /** What Zoho's Lead Conversion Options API would answer for one lead (replica or batch row), offline. */
  'convert.options': {
    req: z.object({ lead: LeadRefSchema, modules: OrgModulesSchema.optional() }).strict(),
    res: LeadOptionsResultSchema,
  },
  /** The invoice or estimate a Quote, Sales Order, Invoice or Deal would give. */
  'invoice.preview': {
    req: PreviewRequestSchema,
    res: z.object({ document: InvoiceDocumentSchema }),
  },
  /** Saves the document as PDF or HTML at `path` (`internal` adds the preparer's notes). */
  'invoice.save': {
    req: PreviewRequestSchema.extend({ format: z.enum(['pdf', 'html']), path: z.string().min(1).max(4096), internal: z.boolean() }).strict(),
    res: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  /** Rebuilds the customers preview from the replica's Accounts and Contacts (in a worker). */
  'invoice.customersBuild': {
    req: z.object({ jobId: JobId.optional() }).strict(),
    res: CustomersStateSchema,
  },
  'invoice.customers': {
    req: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(500), duplicatesOnly: z.boolean(), search: z.string().max(200) }).strict(),
    res: z.object({
      state: CustomersStateSchema.nullable(),
      /** The replica changed since the list was built. */
      stale: z.boolean(),
      total: z.number().int(),
      offset: z.number().int(),
      items: z.array(z.object({ seq: z.number().int(), customer: InvoiceCustomerSchema, duplicates: z.number().int() })),
    }),
  },
  'dialog.openFile': {
    req: z
      .object({
        title: z.string().max(200),
        extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(10),
        save: z.boolean(),
      })
      .strict(),
    res: z.object({ path: z.string().nullable() }),
  },
  ...reviewChannels,
  /** The dry run of an export: per job what it holds, and what is left out and why. */
  'export.preview': {
    req: ExportOptionsSchema.extend({ jobId: JobId.optional() }).strict(),
    res: ExportPlanSchema,
  },
  /** Writes the ZIPs, job JSONs, manifest and README into `folder` (created; a previous export there is replaced). */
  'export.run': {
    req: ExportOptionsSchema.extend({ folder: z.string().min(1).max(4096), jobId: JobId.optional() }).strict(),
    res: z.object({ export: z.number().int(), folder: z.string(), manifest: z.string(), plan: ExportPlanSchema }),
  },
  'export.history': {
    req: Empty,
    res: z.object({ exports: z.array(ExportHistoryItemSchema) }),
  },
  /** A folder name for a new export of these batches, beside the workspace. */
  'export.suggestFolder': {
    req: z.object({ batches: z.array(BatchId).min(1).max(50) }).strict(),
    res: z.object({ folder: z.string() }),
  },
  /** Shows the folder in the file manager (the Electron window only; elsewhere opened is false). */
  'export.openFolder': {
    req: z.object({ folder: z.string().min(1).max(4096) }).strict(),
    res: z.object({ opened: z.boolean() }),
  },
  /** Loads a Bulk Write result (ZIP or CSV) back: ids into the replica, refused rows with their codes. */
  'results.load': {
    req: z.object({ source: FileSource, batch: BatchId.nullable(), export: z.number().int().min(1).nullable(), jobId: JobId.optional() }).strict(),
    res: ResultsLoadSchema,
  },
  /** Builds a retry batch of the rows Zoho refused in an export (per source batch). */
  'results.retry': {
    req: z.object({ export: z.number().int().min(1), batch: BatchId.nullable(), jobId: JobId.optional() }).strict(),
    res: z.object({ batches: z.array(z.object({ batch: z.number().int(), from: z.number().int(), rows: z.number().int() })), retryLists: z.array(z.string()) }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Req<C extends Channel> = z.infer<Contract[C]['req']>;
export type Res<C extends Channel> = z.infer<Contract[C]['res']>;

/** A handler table that serves every channel of the contract. */
export type Handlers = { [C in Channel]: (req: Req<C>) => Promise<Res<C>> };

/** True when `name` is a channel of the contract (used by the preload and the host router). */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export const CHANNELS = Object.keys(contract) as Channel[];
