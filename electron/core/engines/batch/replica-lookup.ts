/**
 * Resolving lookup values (a name, an email, an id) to record ids through the replica.
 *
 * Each target module is indexed once per validation run. A name that several records share is
 * an error listing them, never a silent pick: Zoho's own import takes the first match, which is
 * how contacts end up under the wrong account.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { nameKeyGroups, recordName } from '../../../../shared/domain/record-name';
import type { ReplicaRepo } from '../../db/repos/replica-repo';
import type { LookupResolver, LookupResult } from './compute-row';

interface ModuleIndex {
  ids: Set<string>;
  names: Map<string, string[]>;
  emails: Map<string, string[]>;
}

const MAX_LISTED = 5;

function key(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A resolver over the replica behind `repo`. */
export function replicaLookup(repo: ReplicaRepo): LookupResolver {
  const indexes = new Map<string, ModuleIndex>();
  const indexOf = (module: string): ModuleIndex => {
    const cached = indexes.get(module);
    if (cached) return cached;
    const cols = repo.columns(module);
    const colOf = new Map(cols.map((c) => [c.key, c.col]));
    const nameKeys = [...new Set(nameKeyGroups(module).flat())].filter((k) => colOf.has(k));
    const emailCol = colOf.get('Email');
    const wanted = [...nameKeys.map((k) => colOf.get(k) ?? ''), ...(emailCol ? [emailCol] : [])];
    const index: ModuleIndex = { ids: new Set(), names: new Map(), emails: new Map() };
    for (const row of repo.iterateColumns(module, wanted)) {
      const id = String(row.id);
      index.ids.add(id);
      const name = recordName(module, (k) => {
        const c = colOf.get(k);
        return c ? row[c] : null;
      });
      if (name) {
        const k = key(name);
        index.names.set(k, [...(index.names.get(k) ?? []), id]);
      }
      const email = emailCol ? row[emailCol] : null;
      if (email) {
        const k = key(email);
        index.emails.set(k, [...(index.emails.get(k) ?? []), id]);
      }
    }
    indexes.set(module, index);
    return index;
  };

  return {
    resolve(field: FieldMeta, by, value): LookupResult {
      const module = field.lookupModule;
      if (!module) {
        return { ok: false, code: 'LOOKUP_NOT_FOUND', message: `${field.label} has no lookup module in the metadata, so “${value}” cannot be resolved.` };
      }
      const index = indexOf(module);
      if (index.ids.size === 0) {
        return {
          ok: false,
          code: 'LOOKUP_NOT_FOUND',
          message: `The replica has no ${module} records yet, so “${value}” cannot be found: load your ${module} export (Load export…) first.`,
        };
      }
      if (by === 'id') {
        return index.ids.has(value.trim())
          ? { ok: true, id: value.trim() }
          : { ok: false, code: 'LOOKUP_NOT_FOUND', message: `No ${module} record with id ${value} in the replica. Load the ${module} export first.` };
      }
      const hits = (by === 'email' ? index.emails : index.names).get(key(value)) ?? [];
      if (hits.length === 1) {
        return { ok: true, id: hits[0] as string };
      }
      if (hits.length === 0) {
        return { ok: false, code: 'LOOKUP_NOT_FOUND', message: `No ${module} record ${by === 'email' ? 'with the email' : 'named'} “${value}” in the replica.` };
      }
      const listed = hits.slice(0, MAX_LISTED).join(', ');
      return {
        ok: false,
        code: 'AMBIGUOUS_LOOKUP',
        message: `${hits.length} ${module} records are ${by === 'email' ? 'at' : 'named'} “${value}” (${listed}${hits.length > MAX_LISTED ? ', …' : ''}); map the id or fix the name instead of letting one be picked.`,
      };
    },
  };
}
