/**
 * What the workspace stores per replica record for the dedupe pass (pure): the exact keys
 * Zoho's rules look up, the hashed blocking keys, the lock, and the terms the model counts.
 *
 * One definition serves every path that builds keys (a replica load, the first pass over a
 * replica built before keys existed), so keys built either way are the same.
 */
import crypto from 'node:crypto';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { packBlocks } from './block-hash';
import { blockingKeys, isOrganisationModule } from './blocking';
import { fieldRoles, type FieldRole } from './field-roles';
import { buildProfile, type Profile } from './record-profile';
import { COMPANY_RAW, packTerms } from './packed-terms';
import { ShareTable } from './term-shares';
import { exactKey, PERSON_MODULES, personName, systemDuplicateField } from './zoho-rules';

/** How a module's records become keys: which replica keys are read, in which order. */
export interface KeyPlan {
  module: string;
  roles: FieldRole[];
  /** Replica keys read per record, in this order (after the id). */
  keys: string[];
  /** Replica key -> its position in a record array (the id is at 0). */
  at: Map<string, number>;
  system: string;
  organisation: boolean;
  person: boolean;
  /** What the keys depend on besides the replica's state (fields and their roles). */
  shape: string;
}

/** The record's stored keys. */
export interface RecordKeys {
  email: string | null;
  name: string | null;
  /** Null when the system field is Email (the email column answers for it). */
  system: string | null;
  locked: boolean;
  blocks: Buffer;
}

/**
 * The plan for a module whose replica has `columns` (replica keys). A Contact's account is
 * read by its name where the export gave one (`Account_Name.name`), else by its id.
 */
export function keyPlan(module: string, fields: readonly FieldMeta[], columns: ReadonlySet<string>): KeyPlan {
  const roles = fieldRoles(module, fields).filter((r) => columns.has(r.field) || (r.field === 'Account_Name' && columns.has('Account_Name.name')));
  const system = systemDuplicateField(module);
  const keys = [...new Set([...roles.map((r) => r.field), system, 'Email', 'First_Name', 'Last_Name', 'Full_Name', 'Account_Name.name', 'Locked__s'])].filter((k) => columns.has(k) && k !== 'id');
  const shape = crypto.createHash('sha1').update(JSON.stringify([roles, keys, system])).digest('hex');
  return { module, roles, keys, at: new Map(keys.map((k, i) => [k, i + 1])), system, organisation: isOrganisationModule(module), person: PERSON_MODULES.has(module), shape };
}

/**
 * Reads a field of a raw record (`[id, ...values of plan.keys]`); a Contact's account by its
 * name where known (`accountNames`: account id -> name).
 */
export function recordGetter(plan: KeyPlan, accountNames: ReadonlyMap<string, string> | null): (rec: readonly (string | null)[], field: string) => string {
  const nameAt = plan.at.get('Account_Name.name');
  const accountAt = plan.at.get('Account_Name');
  return (rec, field) => {
    if (field === 'Account_Name' && plan.module !== 'Accounts') {
      const named = nameAt === undefined ? null : rec[nameAt];
      if (named) return named;
      const raw = accountAt === undefined ? '' : (rec[accountAt] ?? '');
      return accountNames?.get(raw) ?? raw;
    }
    const i = plan.at.get(field);
    return i === undefined ? '' : (rec[i] ?? '');
  };
}

/** The profile of a raw record. */
export function recordProfile(plan: KeyPlan, get: (field: string) => string): Profile {
  return buildProfile(plan.roles, get);
}

/** The stored keys of a record whose profile is `profile`. */
export function recordKeys(plan: KeyPlan, profile: Profile, get: (field: string) => string): RecordKeys {
  const email = get('Email');
  const systemValue = plan.system === 'Email' ? '' : get(plan.system);
  const name = plan.person ? personName(get) : '';
  return {
    email: email ? exactKey(email, false) : null,
    name: name ? exactKey(name, false) : null,
    system: systemValue ? exactKey(systemValue, false) : null,
    locked: get('Locked__s').toLowerCase() === 'true',
    blocks: packBlocks(blockingKeys(profile, undefined, plan.organisation)),
  };
}

/**
 * Counts a module's small terms (names, places, companies) as records are keyed. A person's
 * company is counted by the value stored (often an account id): the account's name is only
 * known once Accounts are loaded, so the pass turns ids into names when it reads the counts.
 */
export class TermCounter {
  records = 0;
  private readonly counts = new Map<string, Map<string, number>>();

  add(plan: KeyPlan, profile: Profile, get: (field: string) => string): void {
    this.records += 1;
    for (const [kind, key] of ShareTable.smallTerms(profile)) {
      if (kind === 'company' && !plan.organisation) continue;
      this.bump(kind, key);
    }
    if (!plan.organisation && profile.company) this.bump(COMPANY_RAW, rawCompany(plan, get));
  }

  private bump(kind: string, key: string): void {
    let m = this.counts.get(kind);
    if (!m) {
      m = new Map();
      this.counts.set(kind, m);
    }
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  /** Every kind's counts packed as `key\tn` lines (keys never hold a tab or a line break). */
  packed(): [kind: string, packed: string][] {
    return [...this.counts].map(([kind, m]) => [kind, packTerms(m)]);
  }
}

function rawCompany(plan: KeyPlan, get: (field: string) => string): string {
  const field = plan.roles.find((r) => r.role === 'company')?.field;
  // A tab or a line break would break the packing; they tell nothing about the company.
  return field ? get(field).replace(/[\t\n\r]/g, ' ') : '';
}

/**
 * The signature of a module's keys: the replica's state when they were built (see
 * MatchKeysRepo.replicaState) and the plan's shape. Keys never depend on another module (a
 * person's company is counted by its stored value), so loading Accounts leaves the Contacts'
 * keys good.
 */
export function keySignature(replicaState: string, plan: KeyPlan): string {
  return `${replicaState}|${plan.shape}`;
}
