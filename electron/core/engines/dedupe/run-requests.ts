/**
 * What a dedupe run asks of a module, worked out from the incoming rows (pure).
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { fieldRoles } from './field-roles';
import { exactKey } from './replica-scan';
import { NAME_FIELD, PERSON_MODULES, personName, systemDuplicateField, targetFieldSources, uniqueFields, type TargetModule } from './zoho-rules';

type Source = { module: string; fields: readonly FieldMeta[] };

/** Incoming identifying (`other`) field -> the target field it converts to or shares a name with. */
export function otherFieldMap(source: Source, target: TargetModule): Map<string, string> {
  const sources = targetFieldSources(source, target);
  const others = new Set(fieldRoles(source.module, source.fields).filter((r) => r.role === 'other').map((r) => r.field));
  const out = new Map<string, string>();
  for (const [to, from] of sources) if (others.has(from)) out.set(from, to);
  return out;
}

/** The exact values Zoho's rules will look for in `target`, per target field, and which compare case-sensitively. */
export function exactRequests(
  source: Source,
  target: TargetModule,
  rows: readonly { values: ReadonlyMap<string, string> }[],
): { exact: Map<string, Set<string>>; caseSensitive: Set<string> } {
  const sources = targetFieldSources(source, target);
  const exact = new Map<string, Set<string>>();
  const caseSensitive = new Set<string>();
  const want = (targetField: string, cs: boolean): void => {
    const from = sources.get(targetField);
    if (from === undefined) return;
    const keys = new Set<string>();
    for (const r of rows) {
      const v = r.values.get(from);
      if (v) keys.add(exactKey(v, cs));
    }
    if (cs) caseSensitive.add(targetField);
    exact.set(targetField, keys);
  };
  for (const u of uniqueFields(target.fields)) want(u.apiName, u.unique?.caseSensitive ?? false);
  const system = systemDuplicateField(target.module);
  if (!exact.has(system) && target.fields.some((f) => f.apiName === system)) want(system, false);
  if (PERSON_MODULES.has(target.module) && PERSON_MODULES.has(source.module)) {
    const keys = new Set<string>();
    for (const r of rows) {
      const name = personName((f) => r.values.get(f) ?? '');
      if (name) keys.add(exactKey(name, false));
    }
    exact.set(NAME_FIELD, keys);
  }
  if (target.module === 'Accounts' && sources.get('Account_Name') === 'Account_Name' && source.module !== 'Accounts') {
    const ids = new Set<string>();
    for (const r of rows) {
      const v = r.values.get('Account_Name');
      if (v) ids.add(v.trim());
    }
    exact.set('id', ids);
  }
  return { exact, caseSensitive };
}
