/**
 * Refusing a mapping Zoho would refuse, before anything is stored (pure).
 */
import type { BatchMapping } from '../../../shared/domain/batch';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { AppError } from '../../../shared/ipc/errors';

/** Throws MAPPING_INVALID naming the first problem; returns quietly when the mapping is sound. */
export function checkMapping(mapping: BatchMapping, header: readonly string[], fields: readonly FieldMeta[]): void {
  const byName = new Map(fields.map((f) => [f.apiName, f]));
  const headers = new Set(header);
  const seen = new Set<string>();
  for (const m of mapping.fields) {
    const field = byName.get(m.field);
    if (!field) {
      throw new AppError('MAPPING_INVALID', `${m.field} is not a field of ${mapping.module}; Zoho would refuse the job (INVALID_FIELD).`);
    }
    if (field.readOnly) {
      throw new AppError('MAPPING_INVALID', `${field.label} (${m.field}) is read-only in Zoho and cannot be imported.`);
    }
    if (seen.has(m.field)) {
      throw new AppError('MAPPING_INVALID', `${field.label} (${m.field}) is mapped twice; keep one column per field.`);
    }
    seen.add(m.field);
    for (const c of m.columns) {
      if (!headers.has(c)) {
        throw new AppError('MAPPING_INVALID', `The file has no column “${c}”.`);
      }
    }
  }
}
