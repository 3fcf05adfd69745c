/**
 * How replica columns are presented: labels, types, and which dotted columns fold into their
 * lookup (pure).
 */
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { LIST_TYPES, LOOKUP_TYPES } from '../../../shared/domain/field-meta';
import type { ReplicaColumnRow } from '../db/repos/replica-repo';

export interface ColumnView {
  key: string;
  col: string;
  label: string;
  dataType: string;
  known: boolean;
  /** For lookup columns: the module the id points to, and sibling columns holding a name. */
  lookupModule: string | null;
  nameCols: string[];
  /** True for `<lookup>.name` style columns shown through their lookup rather than alone. */
  folded: boolean;
  searchable: boolean;
}

/** Builds the view of every stored column of a module. */
export function columnViews(stored: readonly ReplicaColumnRow[], fields: readonly FieldMeta[]): ColumnView[] {
  const byApi = new Map(fields.map((f) => [f.apiName, f]));
  const storedKeys = new Set(stored.map((c) => c.key));
  const views: ColumnView[] = stored.map((c) => {
    const field = byApi.get(c.key);
    if (field) {
      const isLookup = LOOKUP_TYPES.has(field.dataType);
      return {
        key: c.key,
        col: c.col,
        label: field.label,
        dataType: field.dataType,
        known: true,
        lookupModule: isLookup ? field.lookupModule ?? (field.dataType === 'lookup' ? null : 'Users') : null,
        nameCols: [],
        folded: false,
        searchable: !isLookup && !LIST_TYPES.has(field.dataType),
      };
    }
    const dot = c.key.indexOf('.');
    const base = dot > 0 ? byApi.get(c.key.slice(0, dot)) : undefined;
    if (base && LOOKUP_TYPES.has(base.dataType)) {
      const sub = c.key.slice(dot + 1);
      const folded = storedKeys.has(base.apiName);
      return {
        key: c.key,
        col: c.col,
        label: folded ? `${base.label} (${sub})` : base.label,
        dataType: folded ? 'text' : base.dataType,
        known: true,
        lookupModule: null,
        nameCols: [],
        folded,
        searchable: true,
      };
    }
    // Record state such as `$approval_state` is read by conversions, never shown as a column.
    const state = c.key.startsWith('$');
    return {
      key: c.key,
      col: c.col,
      label: c.key,
      dataType: 'text',
      known: false,
      lookupModule: null,
      nameCols: [],
      folded: state,
      searchable: !state,
    };
  });
  // A lookup shows the name from its dotted siblings when the linked record is not replicated.
  for (const v of views) {
    if (v.lookupModule !== null || (byApi.get(v.key) && LOOKUP_TYPES.has(byApi.get(v.key)?.dataType ?? ''))) {
      v.nameCols = views.filter((o) => o.folded && o.key.startsWith(`${v.key}.`)).map((o) => o.col);
    }
  }
  return views;
}
