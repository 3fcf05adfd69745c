/**
 * The world a lead plan is checked against, backed by the replica (IO): merge targets read by
 * id, every unique-field value of Contacts, Accounts and Deals indexed once, and the org's
 * users when a Users module has been loaded.
 */
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { USERS_MODULE } from '../../../shared/domain/user-fields';
import { recordName, nameKeyGroups } from '../../../shared/domain/record-name';
import type { Db } from '../db/open';
import { ReplicaRecordsRepo } from '../db/repos/replica-records-repo';
import { conversionMapping } from '../engines/convert/lead-mapping';
import type { LeadWorld } from '../engines/convert/lead-world';
import { UniqueIndex } from '../engines/convert/unique-index';

/** Metadata of the four modules a lead conversion touches. */
export interface LeadFields {
  Leads: FieldMeta[];
  Contacts: FieldMeta[];
  Accounts: FieldMeta[];
  Deals: FieldMeta[];
}

/** Indexes the unique fields of `modules` over the replica. */
export function replicaUniques(records: ReplicaRecordsRepo, modules: Record<string, readonly FieldMeta[]>): UniqueIndex {
  const uniques = new UniqueIndex();
  for (const [module, fields] of Object.entries(modules)) {
    uniques.addModule(module, fields);
    const keys = uniques.uniqueFields(module).map((f) => f.apiName);
    if (keys.length === 0) continue;
    const nameKeys = [...new Set(nameKeyGroups(module).flat())];
    for (const r of records.iterate(module, [...keys, ...nameKeys])) {
      uniques.add(module, r.values, { module, id: r.id, name: recordName(module, (k) => r.values[k]) || r.id, plannedBy: null });
    }
  }
  return uniques;
}

/** A lead world over the replica of `db`. */
export function replicaLeadWorld(db: Db, fields: LeadFields, now: string): LeadWorld {
  const records = new ReplicaRecordsRepo(db);
  const hasUsers = records.count(USERS_MODULE) > 0;
  return {
    fields,
    mapping: conversionMapping(fields.Leads),
    record: (module, id) => records.get(module, id),
    uniques: replicaUniques(records, { Contacts: fields.Contacts, Accounts: fields.Accounts, Deals: fields.Deals }),
    user(id) {
      if (!hasUsers) return undefined;
      const u = records.get(USERS_MODULE, id);
      if (!u) return null;
      const name = u.full_name || [u.first_name, u.last_name].filter(Boolean).join(' ') || u.email || id;
      return { name, active: (u.status ?? 'active').trim().toLowerCase() === 'active' };
    },
    now,
  };
}
