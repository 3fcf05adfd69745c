/**
 * Turning one Records API record into flat replica cells (pure).
 *
 * Lookups arrive as `{"name":"Acme","id":"123"}`: the id goes under the field's key (as in a
 * Bulk Read export) and the name under `<field>.name`, which is how lookups are shown. Line
 * items and other lists are kept whole as JSON text so nothing is lost.
 */
/**
 * Per-request record state kept although it is not a field: conversions need to know whether
 * Zoho would refuse a record still in an approval or review process (ZOHO-SPEC §5.2, §6).
 */
const KEPT_STATE_KEYS: ReadonlySet<string> = new Set(['$approval_state']);

/** True for the `$` keys a replica keeps (they are no field, yet not unknown columns either). */
export function isRecordStateKey(key: string): boolean {
  return KEPT_STATE_KEYS.has(key);
}

export interface FlatRecord {
  id: string;
  cells: Map<string, string>;
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value);
}

/** Flattens a record; returns null when it has no usable id. */
export function flattenRecord(record: unknown): FlatRecord | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return null;
  }
  const obj = record as Record<string, unknown>;
  const id = scalar(obj.id).trim();
  if (id === '') {
    return null;
  }
  const cells = new Map<string, string>();
  for (const [key, value] of Object.entries(obj)) {
    // `$approval`, `$editable` and the like are Zoho's per-request record state, not data.
    if (key === 'id' || (key.startsWith('$') && !KEPT_STATE_KEYS.has(key))) {
      continue;
    }
    if (Array.isArray(value)) {
      const simple = value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
      // Multi-select picklists come as arrays of strings; Zoho writes them `;`-joined in CSV.
      cells.set(key, simple ? value.map(scalar).join(';') : JSON.stringify(value));
    } else if (typeof value === 'object' && value !== null) {
      const inner = value as Record<string, unknown>;
      if ('id' in inner) {
        cells.set(key, scalar(inner.id));
        if ('name' in inner) {
          cells.set(`${key}.name`, scalar(inner.name));
        }
      } else {
        cells.set(key, JSON.stringify(value));
      }
    } else {
      cells.set(key, scalar(value));
    }
  }
  return { id, cells };
}
