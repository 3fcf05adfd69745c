/**
 * What a dedupe run asks of a module, worked out from the incoming rows (pure).
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { fieldRoles } from './field-roles';
import { targetFieldSources, type TargetModule } from './zoho-rules';

type Source = { module: string; fields: readonly FieldMeta[] };

/** Incoming identifying (`other`) field -> the target field it converts to or shares a name with. */
export function otherFieldMap(source: Source, target: TargetModule): Map<string, string> {
  const sources = targetFieldSources(source, target);
  const others = new Set(fieldRoles(source.module, source.fields).filter((r) => r.role === 'other').map((r) => r.field));
  const out = new Map<string, string>();
  for (const [to, from] of sources) if (others.has(from)) out.set(from, to);
  return out;
}
