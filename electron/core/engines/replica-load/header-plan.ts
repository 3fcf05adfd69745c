/**
 * Deciding what each column of an export holds (pure).
 *
 * A Bulk Read export names columns by API name and always has `id`; a CRM UI export names them
 * by field label and calls the id "Record Id". Columns that match no field are kept under their
 * own header so nothing a user exported is lost; they are reported and typed later when the
 * org's metadata is loaded.
 */
import { AppError } from '../../../../shared/ipc/errors';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { LOOKUP_TYPES } from '../../../../shared/domain/field-meta';

export type HeaderStyle = 'api' | 'label';

export interface PlannedColumn {
  /** Index in the source row. */
  index: number;
  /** Source header as written. */
  header: string;
  /** Replica key: a field API name, `<lookup>.<sub>` for a dotted lookup column, or the header. */
  key: string;
  known: boolean;
}

export interface HeaderPlan {
  style: HeaderStyle;
  idIndex: number;
  columns: PlannedColumn[];
  unknown: string[];
}

const ID_LABELS = new Set(['record id', 'id']);

/** Maps a header row to replica keys; throws MISSING_ID_COLUMN or CSV_DUPLICATE_HEADER. */
export function planHeader(headers: readonly string[], fields: readonly FieldMeta[]): HeaderPlan {
  const byApi = new Map(fields.map((f) => [f.apiName, f]));
  const byApiLower = new Map(fields.map((f) => [f.apiName.toLowerCase(), f]));
  const byLabel = new Map<string, FieldMeta>();
  for (const f of fields) {
    const label = f.label.trim().toLowerCase();
    if (!byLabel.has(label)) {
      byLabel.set(label, f);
    }
  }
  const clean = headers.map((h) => h.trim());
  const apiHits = clean.filter((h) => byApi.has(h) || byApi.has(h.split('.')[0] ?? '')).length;
  const labelHits = clean.filter((h) => byLabel.has(h.toLowerCase())).length;
  const style: HeaderStyle = clean.includes('id') || apiHits >= labelHits ? 'api' : 'label';

  const idIndex =
    style === 'api'
      ? clean.indexOf('id')
      : clean.findIndex((h) => ID_LABELS.has(h.toLowerCase()));
  if (idIndex < 0) {
    throw new AppError(
      'MISSING_ID_COLUMN',
      style === 'api'
        ? 'The file has no "id" column. A Bulk Read export always has one; the replica needs it to match records.'
        : 'The file has no "Record Id" column. Include the record id when exporting from Zoho CRM so records can be matched.',
    );
  }

  const columns: PlannedColumn[] = [];
  const unknown: string[] = [];
  const seen = new Map<string, string>();
  clean.forEach((header, index) => {
    if (index === idIndex) {
      return;
    }
    const { key, known } = style === 'api' ? apiKey(header, index, byApi, byApiLower) : labelKey(header, index, byLabel);
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new AppError('CSV_DUPLICATE_HEADER', `Columns "${previous}" and "${header}" both hold ${key}; keep one of them.`);
    }
    seen.set(key, header);
    columns.push({ index, header: headers[index] ?? header, key, known });
    if (!known) {
      unknown.push(key);
    }
  });
  return { style, idIndex, columns, unknown };
}

function blankName(index: number): string {
  return `Column ${index + 1}`;
}

function apiKey(
  header: string,
  index: number,
  byApi: Map<string, FieldMeta>,
  byApiLower: Map<string, FieldMeta>,
): { key: string; known: boolean } {
  if (header === '') {
    return { key: blankName(index), known: false };
  }
  const exact = byApi.get(header) ?? byApiLower.get(header.toLowerCase());
  if (exact) {
    return { key: exact.apiName, known: true };
  }
  const dot = header.indexOf('.');
  if (dot > 0) {
    const base = byApi.get(header.slice(0, dot)) ?? byApiLower.get(header.slice(0, dot).toLowerCase());
    if (base && LOOKUP_TYPES.has(base.dataType)) {
      const sub = header.slice(dot + 1);
      // `Account_Name.id` is the lookup itself written in Bulk Write notation.
      return sub.toLowerCase() === 'id' ? { key: base.apiName, known: true } : { key: `${base.apiName}.${sub}`, known: true };
    }
  }
  return { key: header, known: false };
}

function labelKey(header: string, index: number, byLabel: Map<string, FieldMeta>): { key: string; known: boolean } {
  if (header === '') {
    return { key: blankName(index), known: false };
  }
  const lower = header.toLowerCase();
  const field = byLabel.get(lower);
  if (field) {
    // A UI export writes a lookup as the linked record's name, not its id.
    return LOOKUP_TYPES.has(field.dataType) ? { key: `${field.apiName}.name`, known: true } : { key: field.apiName, known: true };
  }
  if (lower.endsWith('.id')) {
    const base = byLabel.get(lower.slice(0, -3));
    if (base && LOOKUP_TYPES.has(base.dataType)) {
      return { key: base.apiName, known: true };
    }
  }
  return { key: header, known: false };
}
