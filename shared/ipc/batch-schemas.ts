/**
 * Zod schemas of import batches: mappings, transforms, issues and summaries.
 */
import { z } from 'zod';

const DateOrderSchema = z.enum(['dmy', 'mdy', 'ymd', 'excel']);

export const TransformSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trim') }),
  z.object({ kind: z.literal('case'), to: z.enum(['upper', 'lower', 'title']) }),
  z.object({ kind: z.literal('split-name'), part: z.enum(['first', 'last']) }),
  z.object({ kind: z.literal('date'), order: DateOrderSchema }),
  z.object({ kind: z.literal('datetime'), order: DateOrderSchema, timeZone: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('phone'), e164: z.boolean(), defaultCountry: z.string().regex(/^[A-Z]{2}$/).nullable() }),
  z.object({ kind: z.literal('number'), decimal: z.enum(['.', ',']) }),
  z.object({ kind: z.literal('boolean') }),
  z.object({ kind: z.literal('picklist'), table: z.record(z.string(), z.string()) }),
  z.object({ kind: z.literal('multiselect'), separator: z.string().min(1).max(5) }),
  z.object({ kind: z.literal('lookup'), by: z.enum(['id', 'name', 'email']) }),
]);

export const FieldMappingSchema = z.object({
  field: z.string().min(1).max(200),
  columns: z.array(z.string().max(1000)).min(1).max(10),
  joinWith: z.string().max(10),
  transforms: z.array(TransformSchema).max(20),
  defaultValue: z.string().max(32000).nullable(),
});

export const BatchMappingSchema = z.object({
  module: z.string(),
  fields: z.array(FieldMappingSchema).max(500),
  ignoreEmpty: z.boolean(),
});

export const IssueSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

export const SuggestionSchema = z.object({
  column: z.string(),
  index: z.number().int(),
  field: z.string().nullable(),
  confidence: z.number(),
  reason: z.enum(['api-name', 'label', 'history', 'alias', 'similar', 'none', 'template', 'values']),
  /** Why the column's values make the suggestion doubtful ("Only 1 of 20 sample values is a date"). */
  caution: z.string().nullable().optional(),
});

/** Something about a mapped field as a whole, e.g. an owner column of names without users loaded. */
export const BatchNoticeSchema = z.object({
  code: z.enum(['OWNERS_UNRESOLVED', 'OWNERS_RESOLVED', 'OWNERS_STALE']),
  field: z.string(),
  column: z.string(),
  severity: z.enum(['info', 'warning']),
  message: z.string(),
  action: z.enum(['load-users', 'revalidate']).nullable(),
});

export const BatchSummarySchema = z.object({
  batch: z.number().int(),
  module: z.string(),
  sourceName: z.string(),
  encoding: z.string(),
  delimiter: z.string(),
  header: z.array(z.string()),
  rows: z.number().int(),
  valid: z.number().int(),
  warnings: z.number().int(),
  invalid: z.number().int(),
  excluded: z.number().int(),
  raggedRows: z.number().int(),
  mapping: BatchMappingSchema,
  unmappedMandatory: z.array(z.string()),
  ambiguousDateColumns: z.array(z.string()),
  issues: z.array(IssueSchema),
  notices: z.array(BatchNoticeSchema),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});

/** A column's value in a template: a field name, a spec, or several specs (split name). */
const TemplateColumnSpec = z.object({
  field: z.string().min(1),
  transforms: z.array(TransformSchema).optional(),
  default: z.string().nullable().optional(),
  join: z.array(z.string()).optional(),
  joinWith: z.string().optional(),
});

/** The template format of CLI.md: `{module, columns: {header: field | {field, …}}}`. */
export const TemplateSchema = z.object({
  name: z.string().max(200).optional(),
  module: z.string().min(1),
  columns: z.record(z.string(), z.union([z.string().min(1), TemplateColumnSpec, z.array(TemplateColumnSpec).min(1)])),
  ignoreEmpty: z.boolean().optional(),
});
