/**
 * What a dedupe run asks of a module, worked out from the incoming rows (pure).
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { fieldRoles } from './field-roles';
import { exactKey, PERSON_MODULES, personName, systemDuplicateField, targetFieldSources, type TargetModule } from './zoho-rules';

type Source = { module: string; fields: readonly FieldMeta[] };

/** Incoming identifying (`other`) field -> the target field it converts to or shares a name with. */
export function otherFieldMap(source: Source, target: TargetModule): Map<string, string> {
  const sources = targetFieldSources(source, target);
  const others = new Set(fieldRoles(source.module, source.fields).filter((r) => r.role === 'other').map((r) => r.field));
  const out = new Map<string, string>();
  for (const [to, from] of sources) if (others.has(from)) out.set(from, to);
  return out;
}

/**
 * The exact keys Zoho's rules will look up in `target` for these rows, by stored key column:
 * its system duplicate-check field, Email, and for people the whole name.
 */
export function exactLookups(source: Source, target: TargetModule, rows: readonly { values: ReadonlyMap<string, string> }[]): { email: Set<string>; name: Set<string>; system: Set<string> } {
  const sources = targetFieldSources(source, target);
  const keysOf = (targetField: string): Set<string> => {
    const from = sources.get(targetField);
    const out = new Set<string>();
    if (from === undefined) return out;
    for (const r of rows) {
      const v = r.values.get(from);
      if (v) out.add(exactKey(v, false));
    }
    return out;
  };
  const name = new Set<string>();
  if (PERSON_MODULES.has(target.module) && PERSON_MODULES.has(source.module)) {
    for (const r of rows) {
      const n = personName((f) => r.values.get(f) ?? '');
      if (n) name.add(exactKey(n, false));
    }
  }
  // Where the system field is Email, the email column answers for it.
  const system = systemDuplicateField(target.module);
  return { email: keysOf('Email'), name, system: system === 'Email' ? new Set() : keysOf(system) };
}
