/**
 * What the window and the CLI do to an import batch: map, validate, edit, exclude, replace,
 * undo and redo, report. Runs on the main thread; whole-batch validation goes to a worker.
 *
 * Every change is one transaction that also writes its journal entry, so undo survives a
 * restart, and a crash leaves the batch before or after the change, never between.
 */
import type { BatchMapping, Issue } from '../../../shared/domain/batch';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { Res } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { detectDateOrder } from '../engines/transform';
import type { Db } from '../db/open';
import { BatchRepo, type BatchRecord, type StoredRow } from '../db/repos/batch-repo';
import { BatchStateRepo } from '../db/repos/batch-state-repo';
import { JournalRepo } from '../db/repos/journal-repo';
import { ReplicaRepo } from '../db/repos/replica-repo';
import { TemplateRepo } from '../db/repos/template-repo';
import { computeRow, rowContext, sourceOf, type LookupResolver, type RowContext } from '../engines/batch/compute-row';
import { replicaLookup } from '../engines/batch/replica-lookup';
import { normalizeHeader } from '../engines/mapping/normalize-header';
import { checkMapping } from './check-mapping';
import { chosenOutputPath } from '../fs-atomic';
import type { BatchJobs } from './batch-jobs';
import type { JournalChange } from '../engines/batch/journal-change';
import { UsersRepo } from '../db/repos/users-repo';
import type { UserDirectory } from '../engines/users/resolve-user';
import { loadUserDirectory } from '../engines/users/user-directory';
import { batchOwnerNotices, userDisplay } from './batch-owner-notices';

type Summary = Res<'batch.summary'>;

const SUMMARY_ISSUES = 1000;
const DATE_SAMPLE_ROWS = 500;

type Change = JournalChange;

/** Batch operations bound to one workspace connection. */
export class BatchService {
  readonly batches: BatchRepo;
  readonly state: BatchStateRepo;
  readonly journal: JournalRepo;
  readonly templates: TemplateRepo;
  private readonly replica: ReplicaRepo;
  private readonly usersRepo: UsersRepo;

  constructor(
    private readonly db: Db,
    private readonly fieldsOf: (module: string) => FieldMeta[],
    private readonly now: () => Date,
    /** Whole-batch work in a worker (set by the session; the core owns the job runner). */
    private readonly jobs: BatchJobs,
  ) {
    this.batches = new BatchRepo(db);
    this.state = new BatchStateRepo(db);
    this.journal = new JournalRepo(db);
    this.templates = new TemplateRepo(db);
    this.replica = new ReplicaRepo(db);
    this.usersRepo = new UsersRepo(db);
  }

  record(batchId: number): BatchRecord {
    const b = this.batches.get(batchId);
    if (!b) {
      throw new AppError('BATCH_NOT_FOUND', `There is no batch ${batchId} in this workspace.`);
    }
    return b;
  }

  mappingOf(b: BatchRecord): BatchMapping {
    return JSON.parse(b.mappingJson) as BatchMapping;
  }

  summary(batchId: number): Summary {
    const b = this.record(batchId);
    const mapping = this.mappingOf(b);
    const fields = this.fieldsOf(b.module);
    const counts = this.state.counts(batchId, b.rowCount);
    const mapped = new Set(mapping.fields.map((f) => f.field));
    return {
      batch: b.id,
      module: b.module,
      sourceName: b.sourceName,
      encoding: b.encoding,
      delimiter: b.delimiter,
      header: b.header,
      rows: b.rowCount,
      ...counts,
      raggedRows: b.raggedRows,
      mapping,
      unmappedMandatory: fields.filter((f) => f.systemMandatory && !f.readOnly && !mapped.has(f.apiName)).map((f) => f.apiName),
      ambiguousDateColumns: this.ambiguousDateColumns(b, mapping, fields),
      issues: this.state.issues(batchId, SUMMARY_ISSUES),
      notices: batchOwnerNotices(b, mapping, fields, {
        users: this.userDirectory(),
        stale: this.usersRepo.latestLoad() > this.usersRepo.batchStamp(b.id),
        sample: () => this.batches.rows(b.id, 0, DATE_SAMPLE_ROWS),
      }),
      canUndo: this.journal.lastDone(batchId) !== null,
      canRedo: this.journal.firstUndone(batchId) !== null,
    };
  }

  /** Validates the whole batch (in a worker) and returns the summary. */
  async validate(batchId: number, jobId?: string): Promise<Summary> {
    const b = this.record(batchId);
    await this.jobs.validate(batchId, this.fieldsOf(b.module), jobId);
    return this.summary(batchId);
  }

  /** Remembers which field each header went to, and each picklist value's target, for next time. */
  remember(module: string, mapping: BatchMapping): void {
    const now = this.now().toISOString();
    for (const f of mapping.fields) {
      for (const c of f.columns) this.templates.remember(module, normalizeHeader(c), f.field, now);
      for (const t of f.transforms) {
        if (t.kind === 'picklist') {
          for (const [from, to] of Object.entries(t.table)) this.templates.rememberPicklist(module, f.field, from, to);
        }
      }
    }
  }

  /** Picklist field -> remembered source value -> picklist value, for the module's picklists. */
  picklistMemory(module: string): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const f of this.fieldsOf(module)) {
      if (f.dataType !== 'picklist') continue;
      const table = this.templates.picklistTable(module, f.apiName);
      if (Object.keys(table).length > 0) out[f.apiName] = table;
    }
    return out;
  }

  /** Sets the mapping without journaling it (the first mapping of a new batch). */
  initialMapping(batchId: number, mapping: BatchMapping): void {
    const b = this.record(batchId);
    checkMapping(mapping, b.header, this.fieldsOf(b.module));
    this.state.setMapping(batchId, mapping);
  }

  async setMapping(batchId: number, mapping: BatchMapping, jobId?: string): Promise<Summary> {
    const b = this.record(batchId);
    checkMapping(mapping, b.header, this.fieldsOf(b.module));
    const before = this.mappingOf(b);
    this.db.transaction(() => {
      this.state.setMapping(batchId, mapping);
      this.journal.append(batchId, 'mapping', { kind: 'mapping', before, after: mapping } satisfies Change, this.now().toISOString());
      this.remember(b.module, mapping);
    })();
    try {
      return await this.validate(batchId, jobId);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CANCELLED') {
        // The issues still describe the old mapping, so the old mapping comes back with them.
        this.db.transaction(() => {
          this.state.setMapping(batchId, before);
          this.journal.dropLast(batchId);
        })();
        throw new AppError('CANCELLED', 'Cancelled; the batch keeps its previous mapping.');
      }
      throw err;
    }
  }

  async editCell(batchId: number, row: number, field: string, value: string | null): Promise<Summary> {
    const b = this.record(batchId);
    // Blank lines keep their numbers but are not rows, so ask the table rather than count.
    if (this.batches.rowsByNumbers(batchId, [row]).length === 0) {
      throw new AppError('BAD_REQUEST', `Row ${row} is not a row of this batch.`);
    }
    if (!this.mappingOf(b).fields.some((f) => f.field === field)) {
      throw new AppError('MAPPING_INVALID', `${field} is not mapped in this batch; map a column to it first.`);
    }
    const before = this.state.edit(batchId, row, field);
    this.db.transaction(() => {
      this.state.setEdit(batchId, row, field, value);
      this.journal.append(batchId, 'edit', { kind: 'edit', row, field, before, after: value } satisfies Change, this.now().toISOString());
    })();
    return this.afterCellChange(b, [row], field);
  }

  async replace(
    batchId: number,
    field: string,
    find: string,
    replacement: string,
    matchCase: boolean,
    wholeCell: boolean,
    jobId?: string,
  ): Promise<{ changed: number; summary: Summary }> {
    const b = this.record(batchId);
    if (!this.mappingOf(b).fields.some((f) => f.field === field)) {
      throw new AppError('MAPPING_INVALID', `${field} is not mapped in this batch.`);
    }
    // Every row is read and computed, so it runs in a worker, like validation.
    const { changed } = await this.jobs.replace(
      { batchId, fields: this.fieldsOf(b.module), field, find, replacement, matchCase, wholeCell, now: this.now().toISOString() },
      jobId,
    );
    const summary = changed > 0 ? await this.validate(batchId, jobId) : this.summary(batchId);
    return { changed, summary };
  }

  async exclude(batchId: number, rows: number[], excluded: boolean): Promise<Summary> {
    const b = this.record(batchId);
    // Numbers the user sent may name blank lines or rows past the end; only real rows count.
    return this.setExclusion(b, this.batches.rowsByNumbers(b.id, rows).map((r) => r.rowNo), excluded);
  }

  /** Excludes or includes rows known to exist, as one journal entry. */
  private async setExclusion(b: BatchRecord, rows: number[], excluded: boolean): Promise<Summary> {
    this.db.transaction(() => {
      this.state.setExcluded(b.id, rows, excluded);
      this.journal.append(b.id, 'exclude', { kind: 'exclude', rows, excluded } satisfies Change, this.now().toISOString());
    })();
    return this.afterExclusion(b);
  }

  /** Excludes every row with an error, as one journal entry; returns how many. */
  async excludeInvalid(batchId: number): Promise<{ excluded: number; summary: Summary }> {
    const b = this.record(batchId);
    const { rows } = this.state.rowsWithIssues(batchId, 'error', b.rowCount, 0);
    if (rows.length === 0) return { excluded: 0, summary: this.summary(batchId) };
    // Rows with issues are rows of the batch, so they need no check against the stored rows.
    return { excluded: rows.length, summary: await this.setExclusion(b, rows, true) };
  }

  /** Excluded rows keep their issues; only duplicates of unique fields depend on who is in. */
  private async afterExclusion(b: BatchRecord): Promise<Summary> {
    const mapped = new Set(this.mappingOf(b).fields.map((f) => f.field));
    const unique = this.fieldsOf(b.module).some((f) => f.unique !== null && mapped.has(f.apiName));
    return unique ? this.validate(b.id) : this.summary(b.id);
  }

  async undo(batchId: number): Promise<Summary> {
    const entry = this.journal.lastDone(batchId);
    if (!entry) {
      throw new AppError('NOTHING_TO_UNDO', 'There is nothing to undo in this batch.');
    }
    return this.applyChange(batchId, JSON.parse(entry.payload) as Change, 'undo', entry.id);
  }

  async redo(batchId: number): Promise<Summary> {
    const entry = this.journal.firstUndone(batchId);
    if (!entry) {
      throw new AppError('NOTHING_TO_UNDO', 'There is nothing to redo in this batch.');
    }
    return this.applyChange(batchId, JSON.parse(entry.payload) as Change, 'redo', entry.id);
  }

  /** Rows for the grid: source cells, Zoho values, edits and issues. */
  rows(batchId: number, offset: number, limit: number, filter: 'all' | 'issues' | 'errors' | 'warnings' | 'excluded'): Res<'batch.rows'> {
    const b = this.record(batchId);
    let total: number;
    let stored: StoredRow[];
    if (filter === 'all') {
      total = b.rowCount;
      stored = this.batches.rows(batchId, offset, limit);
    } else if (filter === 'excluded') {
      const picked = this.state.excludedPage(batchId, offset, limit);
      total = picked.total;
      stored = this.batches.rowsByNumbers(batchId, picked.rows);
    } else {
      const picked = this.state.rowsWithIssues(batchId, filter === 'issues' ? 'any' : filter === 'errors' ? 'error' : 'warning', limit, offset);
      total = picked.total;
      stored = this.batches.rowsByNumbers(batchId, picked.rows);
    }
    const numbers = stored.map((r) => r.rowNo);
    const edits = this.state.editsOfRows(batchId, numbers);
    const issues = this.state.issuesOfRows(batchId, numbers);
    const excluded = this.state.excludedAmong(batchId, numbers);
    const ctx = this.context(b, true);
    return {
      total,
      offset,
      rows: stored.map((r) => {
        const rowEdits = edits.get(r.rowNo);
        const computed = computeRow(sourceOf(r), ctx, rowEdits);
        return {
          display: userDisplay(ctx, computed.values),
          row: r.rowNo,
          excluded: excluded.has(r.rowNo),
          source: [...r.cells, ...(r.extra ?? [])],
          values: Object.fromEntries([...computed.values].map(([f, v]) => [f, v.value])),
          edited: rowEdits ? [...rowEdits.keys()] : [],
          issues: issues.get(r.rowNo) ?? [],
        };
      }),
    };
  }

  /** Writes the error report CSV (in a worker; temporary name, then rename). */
  async exportErrors(batchId: number, file: string, jobId?: string): Promise<{ path: string; rows: number }> {
    this.record(batchId);
    return this.jobs.errorReport(batchId, chosenOutputPath(file), jobId);
  }

  private async applyChange(batchId: number, change: Change, direction: 'undo' | 'redo', entryId: number): Promise<Summary> {
    const b = this.record(batchId);
    const undo = direction === 'undo';
    let revalidate: 'all' | 'none' | { rows: number[]; field: string } = 'none';
    this.db.transaction(() => {
      switch (change.kind) {
        case 'mapping':
          this.state.setMapping(batchId, undo ? change.before : change.after);
          revalidate = 'all';
          break;
        case 'edit':
          this.state.setEdit(batchId, change.row, change.field, undo ? change.before : change.after);
          revalidate = { rows: [change.row], field: change.field };
          break;
        case 'exclude':
          this.state.setExcluded(batchId, change.rows, undo ? !change.excluded : change.excluded);
          break;
        case 'replace':
          for (const c of change.cells) this.state.setEdit(batchId, c.row, change.field, undo ? c.before : c.after);
          revalidate = 'all';
          break;
      }
      this.journal.markUndone(entryId, undo);
    })();
    const todo = revalidate as 'all' | 'none' | { rows: number[]; field: string };
    if (todo === 'all') return this.validate(batchId);
    if (todo === 'none') return this.afterExclusion(b);
    return this.afterCellChange(b, todo.rows, todo.field);
  }

  /** Re-validates edited rows at once; a unique field re-checks its duplicates batch-wide. */
  private async afterCellChange(b: BatchRecord, rows: number[], field: string): Promise<Summary> {
    const fields = this.fieldsOf(b.module);
    const meta = fields.find((f) => f.apiName === field);
    if (meta?.unique) {
      return this.validate(b.id);
    }
    const ctx = this.context(b, true);
    const edits = this.state.editsOfRows(b.id, rows);
    const stored = this.batches.rowsByNumbers(b.id, rows);
    const existing = this.state.issuesOfRows(b.id, rows);
    const issues: Issue[] = [];
    for (const r of stored) {
      // Duplicate issues belong to the batch-wide pass and stay as they are.
      issues.push(...(existing.get(r.rowNo) ?? []).filter((i) => i.code === 'DUPLICATE_DATA'));
      issues.push(...computeRow(sourceOf(r), ctx, edits.get(r.rowNo)).issues);
    }
    this.db.transaction(() => this.state.replaceRowIssues(b.id, rows, issues))();
    return this.summary(b.id);
  }

  private lookup: LookupResolver | null = null;
  private users: UserDirectory | null = null;

  private context(b: BatchRecord, withLookups: boolean): RowContext {
    if (withLookups && !this.lookup) {
      this.lookup = replicaLookup(this.replica);
    }
    const users = withLookups ? this.userDirectory() : null;
    return rowContext(b.header, this.mappingOf(b), this.fieldsOf(b.module), withLookups ? this.lookup : null, users !== null && users.size > 0 ? users : null);
  }

  /** The org's users as loaded (read once, until the replica changes). */
  private userDirectory(): UserDirectory {
    this.users ??= loadUserDirectory(this.replica);
    return this.users;
  }

  /** Forgets cached lookup indexes and users (after the replica or the users change). */
  replicaChanged(): void {
    this.lookup = null;
    this.users = null;
  }

  private ambiguousDateColumns(b: BatchRecord, mapping: BatchMapping, fields: FieldMeta[]): string[] {
    const types = new Map(fields.map((f) => [f.apiName, f.dataType]));
    const dateMappings = mapping.fields.filter((m) => ['date', 'datetime'].includes(types.get(m.field) ?? '') && m.columns.length === 1);
    if (dateMappings.length === 0) return [];
    const sample = this.batches.rows(b.id, 0, DATE_SAMPLE_ROWS);
    const out: string[] = [];
    for (const m of dateMappings) {
      const declared = m.transforms.some((t) => t.kind === 'date' || t.kind === 'datetime');
      const i = b.header.indexOf(m.columns[0] ?? '');
      if (declared || i < 0) continue;
      const values = sample.map((r) => r.cells[i] ?? '').filter((v) => v.trim() !== '');
      if (values.length > 0 && detectDateOrder(values).ambiguous) out.push(m.columns[0] ?? '');
    }
    return out;
  }
}
