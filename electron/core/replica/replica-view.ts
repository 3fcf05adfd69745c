/**
 * Pages and records of the replica as the window shows them: labels, and lookups by name.
 */
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { LIST_TYPES } from '../../../shared/domain/field-meta';
import { nameKeyGroups, recordName } from '../../../shared/domain/record-name';
import type { Req, Res } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { ReplicaRepo } from '../db/repos/replica-repo';
import { columnViews, type ColumnView } from './column-model';

type Row = Record<string, string | null>;

/** Reads pages and records, resolving lookups against the replica of the linked module. */
export class ReplicaView {
  constructor(
    private readonly repo: ReplicaRepo,
    private readonly fieldsOf: (module: string) => FieldMeta[],
  ) {}

  page(req: Req<'replica.page'>): Res<'replica.page'> {
    const views = columnViews(this.repo.columns(req.module), this.fieldsOf(req.module));
    let sortCol: string | null = null;
    if (req.sort) {
      if (req.sort.key === 'id') {
        sortCol = 'id';
      } else {
        const v = views.find((c) => c.key === req.sort?.key);
        if (!v) {
          throw new AppError('BAD_REQUEST', `Cannot sort by "${req.sort.key}": the module has no such column.`);
        }
        sortCol = v.col;
      }
    }
    const { total, rows } = this.repo.page(req.module, {
      offset: req.offset,
      limit: req.limit,
      sortCol,
      dir: req.sort?.dir ?? 'asc',
      searchCols: views.filter((v) => v.searchable).map((v) => v.col),
      search: req.search,
    });
    const shown = views.filter((v) => !v.folded);
    const names = this.lookupNames(shown, rows.map((r) => r.values));
    return {
      module: req.module,
      total,
      offset: req.offset,
      columns: shown.map((v) => ({ key: v.key, label: v.label, dataType: v.dataType, known: v.known })),
      rows: rows.map((r) => {
        const cells: Record<string, string> = {};
        for (const v of shown) {
          cells[v.key] = display(v, r.values, names);
        }
        return { id: r.id, cells };
      }),
    };
  }

  record(req: Req<'replica.record'>): Res<'replica.record'> {
    const row = this.repo.record(req.module, req.id);
    if (!row) {
      throw new AppError('RECORD_NOT_FOUND', `No ${req.module} record with id ${req.id} in the replica.`);
    }
    const fields = this.fieldsOf(req.module);
    const views = columnViews(this.repo.columns(req.module), fields).filter((v) => !v.folded);
    const names = this.lookupNames(views, [row]);
    const byKey = new Map(views.map((v) => [v.key, v]));
    return {
      module: req.module,
      id: req.id,
      title: recordName(req.module, (k) => {
        const v = byKey.get(k);
        return v ? row[v.col] : null;
      }) || req.id,
      fields: views.map((v) => {
        const value = row[v.col] ?? '';
        const target = v.lookupModule && value !== '' && names.get(v.lookupModule)?.has(value) ? { module: v.lookupModule, id: value } : null;
        return {
          key: v.key,
          label: v.label,
          dataType: v.dataType,
          known: v.known,
          value,
          display: display(v, row, names),
          lookup: target,
          items: LIST_TYPES.has(v.dataType) ? parseItems(value) : null,
        };
      }),
    };
  }

  /** Names of linked records, per target module, for the lookups in `rows`. */
  private lookupNames(views: readonly ColumnView[], rows: readonly Row[]): Map<string, Map<string, string>> {
    const out = new Map<string, Map<string, string>>();
    const idsByModule = new Map<string, string[]>();
    for (const v of views) {
      if (!v.lookupModule) {
        continue;
      }
      const ids = idsByModule.get(v.lookupModule) ?? [];
      for (const r of rows) {
        const id = r[v.col];
        if (id) {
          ids.push(id);
        }
      }
      idsByModule.set(v.lookupModule, ids);
    }
    for (const [module, ids] of idsByModule) {
      const cols = this.repo.columns(module);
      const colOf = new Map(cols.map((c) => [c.key, c.col]));
      const wanted = [...new Set(nameKeyGroups(module).flat())].filter((k) => colOf.has(k));
      const found = this.repo.valuesByIds(module, wanted.map((k) => colOf.get(k) ?? ''), ids);
      const names = new Map<string, string>();
      for (const [id, values] of found) {
        const name = recordName(module, (k) => {
          const c = colOf.get(k);
          return c ? values[c] : null;
        });
        names.set(id, name || id);
      }
      out.set(module, names);
    }
    return out;
  }
}

function display(v: ColumnView, row: Row, names: Map<string, Map<string, string>>): string {
  const raw = row[v.col] ?? '';
  if (v.lookupModule || v.nameCols.length > 0) {
    const resolved = raw !== '' && v.lookupModule ? names.get(v.lookupModule)?.get(raw) : undefined;
    if (resolved) {
      return resolved;
    }
    for (const c of v.nameCols) {
      const name = row[c];
      if (name) {
        return name;
      }
    }
  }
  if (LIST_TYPES.has(v.dataType) && raw !== '') {
    const items = parseItems(raw);
    return items ? `${items.length} item${items.length === 1 ? '' : 's'}` : raw;
  }
  return raw;
}

/** Line items / subform rows stored as JSON, flattened to text cells for display. */
function parseItems(raw: string): Record<string, string>[] | null {
  if (raw === '') {
    return null;
  }
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) {
      return null;
    }
    return parsed
      .filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x))
      .map((item) => {
        const out: Record<string, string> = {};
        for (const [k, val] of Object.entries(item)) {
          if (k.startsWith('$')) {
            continue;
          }
          if (val === null || val === undefined) {
            out[k] = '';
          } else if (typeof val === 'object' && !Array.isArray(val) && 'name' in val) {
            out[k] = String((val as { name: unknown }).name ?? '');
          } else if (typeof val === 'object') {
            out[k] = JSON.stringify(val);
          } else {
            out[k] = String(val);
          }
        }
        return out;
      });
  } catch {
    return null;
  }
}
