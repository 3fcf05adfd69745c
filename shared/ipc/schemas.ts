/**
 * Zod schemas for the values that cross the IPC boundary.
 *
 * Kept apart from contract.ts so the map of channels stays short enough to read at a glance.
 */
import { z } from 'zod';
import { MODULE_NAME_PATTERN } from '../domain/modules';

export const Empty = z.object({}).strict();

export const ModuleName = z.string().regex(MODULE_NAME_PATTERN, 'not a Zoho module API name');

/** Where a file comes from: a path on this machine, or an upload already held by the core. */
export const FileSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('upload'), uploadId: z.string().regex(/^[a-f0-9]{32}$/) }),
]);

/** Client-chosen id for a long job, so it can listen to progress and cancel before the reply. */
export const JobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const WorkspaceInfo = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  isDefault: z.boolean(),
});

export const FieldMetaSchema = z.object({
  apiName: z.string(),
  label: z.string(),
  dataType: z.string(),
  length: z.number().nullable(),
  decimalPlaces: z.number().nullable(),
  systemMandatory: z.boolean(),
  layoutMandatory: z.boolean(),
  readOnly: z.boolean(),
  custom: z.boolean(),
  unique: z.object({ caseSensitive: z.boolean() }).nullable(),
  picklist: z.array(z.string()).nullable(),
  lookupModule: z.string().nullable(),
  convertMapping: z
    .object({
      Contacts: z.string().nullable(),
      Accounts: z.string().nullable(),
      Deals: z.string().nullable(),
    })
    .nullable(),
  textareaType: z.string().nullable(),
});

export const ModuleSummary = z.object({
  module: z.string(),
  label: z.string(),
  fields: z.number().int(),
  source: z.enum(['standard', 'org']),
  records: z.number().int(),
});

export const ReplicaColumn = z.object({
  key: z.string(),
  label: z.string(),
  dataType: z.string(),
  known: z.boolean(),
});

export const ReplicaLoadResult = z.object({
  module: z.string(),
  format: z.enum(['bulk-read-csv', 'bulk-read-zip', 'ui-export-csv', 'ui-export-zip', 'records-json']),
  loaded: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  rejectedRows: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  unknownColumns: z.array(z.string()),
  durationMs: z.number(),
});

export const RecordField = z.object({
  key: z.string(),
  label: z.string(),
  dataType: z.string(),
  known: z.boolean(),
  value: z.string(),
  display: z.string(),
  lookup: z.object({ module: z.string(), id: z.string() }).nullable(),
  items: z.array(z.record(z.string(), z.string())).nullable(),
});
