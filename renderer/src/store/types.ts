/**
 * Types shared by the store slices: the combined state and the domain shapes they hold.
 *
 * Domain shapes are derived from the IPC contract so a contract change breaks the build here,
 * not at runtime.
 */
import type { StateCreator } from 'zustand';
import type { Req, Res } from '../../../shared/ipc/contract';
import type { ErrorCode } from '../../../shared/ipc/errors';
import type { EventPayload } from '../../../shared/ipc/events';
import type { Client } from '../api/client';
import type { BatchSlice } from './batch-slice';
import type { DedupeSlice } from './dedupe-slice';
import type { ExportSlice } from './export-slice';
import type { GridSlice } from './grid-slice';
import type { ImportSlice } from './import-slice';
import type { LoadSlice } from './load-slice';
import type { ModulesSlice } from './modules-slice';
import type { NavSlice } from './nav-slice';
import type { RecordSlice } from './record-slice';
import type { ReviewSlice } from './review-slice';
import type { SessionSlice } from './session-slice';
import type { TemplateSlice } from './template-slice';
import type { WorkspaceSlice } from './workspace-slice';
import type { ConvertSlice } from './convert-slice';
import type { InvoiceSlice } from './invoice-slice';
import type { PickerSlice } from './picker-slice';
import type { LeadOptionsSlice } from './lead-options-slice';

/** One module as listed in the sidebar. */
export type ModuleSummary = Res<'metadata.modules'>['modules'][number];
/** Workspace identity as reported by the core. */
export type WorkspaceInfo = Res<'app.info'>['workspace'];
/** A workspace the user opened before. */
export type RecentWorkspace = Res<'workspace.recent'>['items'][number];
/** One row of a replica page: record id plus display text per column key. */
export type PageRow = Res<'replica.page'>['rows'][number];
/** A column of the replica grid. */
export type ReplicaColumn = Res<'replica.page'>['columns'][number];
/** A record opened in the side panel. */
export type RecordDetail = Res<'replica.record'>;
/** One field of an opened record. */
export type RecordField = RecordDetail['fields'][number];
/** What `replica.load` reports. */
export type ReplicaLoadResult = Res<'replica.load'>;
/** What `users.load` reports. */
export type UsersLoadResult = Res<'users.load'>;
/** A notice of a batch about a mapped field as a whole (owner columns). */
export type BatchNotice = Res<'batch.summary'>['notices'][number];
/** What `metadata.load` reports. */
export type MetadataLoadResult = Res<'metadata.load'>;
/** Field metadata of one module. */
export type FieldMeta = Res<'metadata.fields'>['fields'][number];
/** What `import.preview` tells about a file. */
export type ImportPreview = Res<'import.preview'>;
/** A batch as every batch channel reports it (counts, mapping, undo state…). */
export type BatchSummary = Res<'batch.summary'>;
/** One row of a batch page. */
export type BatchRow = Res<'batch.rows'>['rows'][number];
/** One issue of a row. */
export type BatchIssue = BatchRow['issues'][number];
/** A batch as listed in the sidebar. */
export type BatchListItem = Res<'batch.list'>['batches'][number];
/** A saved mapping template. */
export type TemplateInfo = Res<'template.list'>['templates'][number];
/** Which rows the batch grid shows. */
export type RowFilter = Req<'batch.rows'>['filter'];
/** Encoding choice of an import ('auto' lets the core detect it). */
export type EncodingChoice = Req<'import.preview'>['encoding'];
/** Delimiter choice of an import ('auto' lets the core detect it). */
export type DelimiterChoice = Req<'import.preview'>['delimiter'];
/** A file for the core: a path (Electron) or an upload id. */
export type FileSource = Req<'import.preview'>['source'];
/** Progress of a long job. */
export type JobProgress = EventPayload<'job.progress'>;

/** An error as the UI shows it: the stable code plus the core's message. */
export interface UiError {
  code: ErrorCode;
  message: string;
}

/** The whole store: every slice merged. */
export type AppState = WorkspaceSlice &
  ModulesSlice &
  GridSlice &
  LoadSlice &
  RecordSlice &
  SessionSlice &
  NavSlice &
  ImportSlice &
  BatchSlice &
  TemplateSlice &
  ReviewSlice &
  DedupeSlice &
  ExportSlice &
  ConvertSlice &
  InvoiceSlice &
  PickerSlice &
  LeadOptionsSlice;

/** How every slice is written: given the client, a zustand slice over the whole state. */
export type SliceCreator<T> = (client: Client) => StateCreator<AppState, [], [], T>;
