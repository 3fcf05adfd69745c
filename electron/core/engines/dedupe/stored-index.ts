/**
 * A replica module as the dedupe pass reads it, from its stored match keys (IO part).
 *
 * The keys (exact keys for Zoho's rules, blocking keys, compared values, term counts) are built
 * once for a state of the replica and kept in the workspace (schema 8), so a second review of
 * the same replica starts at once: Zoho's rules become indexed lookups, and the fuzzy pass
 * streams one short row per record and rebuilds a profile only for the records an incoming row
 * can reach. A load or a change of metadata makes them stale; the next pass rebuilds them.
 */
import crypto from 'node:crypto';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { AppError } from '../../../../shared/ipc/errors';
import type { ExactColumn, MatchKeysRepo } from '../../db/repos/match-keys-repo';
import type { ReplicaMatchRepo } from '../../db/repos/replica-match-repo';
import type { JobContext } from '../replica-load/load-types';
import { blockingKeys, isOrganisationModule, MAX_BLOCK } from './blocking';
import { fieldRoles, type FieldRole } from './field-roles';
import { MemoryModuleIndex } from './memory-index';
import { buildProfile, type Profile } from './record-profile';
import { ShareTable } from './term-shares';
import { exactKey, NAME_FIELD, PERSON_MODULES, personName, systemDuplicateField, uniqueFields, type ExactFinder } from './zoho-rules';

export interface ModuleScan {
  index: MemoryModuleIndex;
  finder: ExactFinder;
  records: number;
  /** Records loaded that are locked in Zoho (`Locked__s`): nothing can be merged into them. */
  locked: Set<string>;
}

export interface StoredScanRequest {
  module: string;
  fields: readonly FieldMeta[];
  /** Blocking keys some incoming row has (empty for Zoho's rules only). */
  wantedBlocks: ReadonlySet<string>;
  otherFields: ReadonlyMap<string, string>;
  /** Account id -> name, to compare a Contact's account by name. */
  accountNames: ReadonlyMap<string, string> | null;
  /** What the Accounts' keys were built for (a Contact's account name comes from there). */
  accountsState: string;
  /** The exact keys the incoming rows will ask for, by stored column (looked up once, in key order). */
  lookups: Record<ExactColumn, ReadonlySet<string>>;
  now: string;
}

const CANCELLED = 'Finding duplicates was cancelled; the previous results are kept.';
const PROGRESS_EVERY = 20_000;

interface Plan {
  roles: FieldRole[];
  keys: string[];
  at: Map<string, number>;
  system: string;
  signature: string;
}

function plan(repos: { replica: ReplicaMatchRepo; keys: MatchKeysRepo }, req: StoredScanRequest): Plan {
  const colOf = repos.replica.columns(req.module);
  const roles = fieldRoles(req.module, req.fields).filter((r) => colOf.has(r.field) || (r.field === 'Account_Name' && colOf.has('Account_Name.name')));
  const system = systemDuplicateField(req.module);
  const keys = [...new Set([...roles.map((r) => r.field), system, 'Email', 'First_Name', 'Last_Name', 'Full_Name', 'Account_Name.name', 'Locked__s'])].filter((k) => colOf.has(k) && k !== 'id');
  const usesAccounts = req.module !== 'Accounts' && roles.some((r) => r.field === 'Account_Name');
  const signature = crypto
    .createHash('sha1')
    .update(JSON.stringify([repos.keys.replicaState(req.module), usesAccounts ? req.accountsState : '', roles, keys, system]))
    .digest('hex');
  return { roles, keys, at: new Map(keys.map((k, i) => [k, i + 1])), system, signature };
}

/** Builds the module's keys when missing or stale; says how many records they cover. */
function ensureKeys(db: { exec(sql: string): void; inTransaction: boolean }, repos: { replica: ReplicaMatchRepo; keys: MatchKeysRepo }, req: StoredScanRequest, p: Plan, ctx: JobContext): void {
  if (repos.keys.signature(req.module) === p.signature) return;
  const organisation = isOrganisationModule(req.module);
  const person = PERSON_MODULES.has(req.module);
  const total = repos.replica.count(req.module);
  const phase = `indexing ${req.module}`;
  ctx.progress({ phase, done: 0, total, rows: 0 });
  const terms = new Map<string, number>();
  let rec: (string | null)[] = [];
  const get = getter(req, p, () => rec);
  db.exec('BEGIN IMMEDIATE');
  try {
    const writer = repos.keys.beginRebuild(req.module);
    let seen = 0;
    for (const r of pages(repos.replica, req.module, p.keys)) {
      rec = r;
      seen += 1;
      if (seen % PROGRESS_EVERY === 0) {
        if (ctx.cancelled()) throw new AppError('CANCELLED', CANCELLED);
        ctx.progress({ phase, done: seen, total, rows: seen });
      }
      const profile = buildProfile(p.roles, get);
      for (const [kind, key] of ShareTable.smallTerms(profile)) {
        const k = `${kind}\u0000${key}`;
        terms.set(k, (terms.get(k) ?? 0) + 1);
      }
      const email = get('Email');
      const systemValue = get(p.system);
      const name = person ? personName(get) : '';
      const lockedAt = p.at.get('Locked__s');
      writer.add({
        id: String(r[0]),
        email: email ? exactKey(email, false) : null,
        name: name ? exactKey(name, false) : null,
        system: systemValue ? exactKey(systemValue, false) : null,
        locked: lockedAt !== undefined && (r[lockedAt] ?? '').toLowerCase() === 'true',
        blocks: blockingKeys(profile, undefined, organisation).join('\t'),
        vals: JSON.stringify(p.roles.map((role) => get(role.field))),
      });
    }
    writer.flush();
    ctx.progress({ phase, done: seen, total, rows: seen });
    repos.keys.finishRebuild(
      req.module,
      p.signature,
      seen,
      [...terms].map(([k, n]) => {
        const cut = k.indexOf('\u0000');
        return [k.slice(0, cut), k.slice(cut + 1), n] as [string, string, number];
      }),
      req.now,
    );
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    repos.keys.ensureIndexes();
    throw err;
  }
}

/** Reads a field of the current raw record; a Contact's account by its name. */
function getter(req: StoredScanRequest, p: Plan, current: () => (string | null)[]): (field: string) => string {
  const nameAt = p.at.get('Account_Name.name');
  const accountAt = p.at.get('Account_Name');
  return (field) => {
    const rec = current();
    if (field === 'Account_Name' && req.module !== 'Accounts') {
      const named = nameAt === undefined ? null : rec[nameAt];
      if (named) return named;
      const raw = accountAt === undefined ? '' : (rec[accountAt] ?? '');
      return req.accountNames?.get(raw) ?? raw;
    }
    const i = p.at.get(field);
    return i === undefined ? '' : (rec[i] ?? '');
  };
}

/** Every record of a module, read a page at a time (the rebuild writes between pages). */
function* pages(replica: ReplicaMatchRepo, module: string, keys: readonly string[]): Generator<(string | null)[]> {
  let after = '';
  for (;;) {
    const page = replica.recordsAfter(module, keys, after, 5000);
    if (page.length === 0) return;
    yield* page;
    after = String((page[page.length - 1] as (string | null)[])[0]);
  }
}

function profileOf(roles: readonly FieldRole[], vals: string): Profile {
  const values = JSON.parse(vals) as string[];
  const byField = new Map(roles.map((r, i) => [r.field, values[i] ?? '']));
  return buildProfile(roles, (f) => byField.get(f) ?? '');
}

/**
 * The module for the matcher: its keys built if needed, the records the incoming rows reach
 * loaded, its term counts added to `shares`, and Zoho's rules answered from the indexes.
 */
export function storedModuleScan(
  db: { exec(sql: string): void; inTransaction: boolean },
  repos: { replica: ReplicaMatchRepo; keys: MatchKeysRepo },
  req: StoredScanRequest,
  shares: ShareTable,
  ctx: JobContext,
): ModuleScan {
  const p = plan(repos, req);
  ensureKeys(db, repos, req, p, ctx);
  const organisation = isOrganisationModule(req.module);
  const locked = new Set<string>();
  const load = (ids: Iterable<string>): Map<string, { profile: Profile; keys: string[] }> => {
    const out = new Map<string, { profile: Profile; keys: string[] }>();
    for (const [id, v] of repos.keys.values(req.module, ids)) {
      const profile = profileOf(p.roles, v.vals);
      shares.addLarge(profile);
      if (v.locked) locked.add(id);
      // Blocks are only read by the fuzzy pass.
      out.set(id, { profile, keys: req.wantedBlocks.size > 0 ? blockingKeys(profile, undefined, organisation) : [] });
    }
    return out;
  };
  const index = new MemoryModuleIndex(req.module, organisation, req.otherFields, req.wantedBlocks, (id) => load([id]).get(id) ?? null);
  const stored = repos.keys.terms(req.module);
  shares.addCounts(stored.records, stored.terms);
  if (req.wantedBlocks.size > 0) {
    const phase = `reading ${req.module}`;
    ctx.progress({ phase, done: 0, total: stored.records, rows: 0 });
    // First the size of every wanted block, so that records reached only through blocks too
    // common to compare within are never loaded (they would fill the memory for nothing).
    const sizes = new Map<string, number>();
    const reached: [string, string[]][] = [];
    let seen = 0;
    for (const [id, blocks] of repos.keys.blocks(req.module)) {
      seen += 1;
      if (seen % PROGRESS_EVERY === 0) {
        if (ctx.cancelled()) throw new AppError('CANCELLED', CANCELLED);
        ctx.progress({ phase, done: seen, total: stored.records, rows: seen });
      }
      let keys: string[] | null = null;
      for (const k of blocks.split('\t')) {
        if (!req.wantedBlocks.has(k)) continue;
        sizes.set(k, (sizes.get(k) ?? 0) + 1);
        (keys ??= []).push(k);
      }
      if (keys) reached.push([id, keys]);
    }
    const wanted = reached.filter(([, keys]) => keys.some((k) => (sizes.get(k) ?? 0) <= MAX_BLOCK)).map(([id]) => id);
    reached.length = 0;
    for (const [id, rec] of load(wanted)) index.add(id, rec.profile, rec.keys);
    ctx.progress({ phase, done: seen, total: stored.records, rows: seen });
  }
  // Unique fields other than the system field are the org's choice, not stored: read them.
  const unique = uniqueFields(req.fields).filter((f) => f.apiName !== p.system || f.unique?.caseSensitive === true);
  const uniqueHits = new Map<string, Map<string, string[]>>();
  if (unique.length > 0) {
    for (const f of unique) uniqueHits.set(f.apiName, new Map());
    for (const r of repos.replica.records(req.module, unique.map((f) => f.apiName))) {
      unique.forEach((f, i) => {
        const v = r[i + 1];
        if (!v) return;
        const key = exactKey(v, f.unique?.caseSensitive ?? false);
        const m = uniqueHits.get(f.apiName) as Map<string, string[]>;
        m.set(key, [...(m.get(key) ?? []), String(r[0])]);
      });
    }
  }
  // Every key the rows will ask for, looked up once and in key order: neighbouring keys sit on
  // the same index pages, which a lookup per row in file order would read again and again.
  const found: Record<ExactColumn, Map<string, string[]>> = { email: new Map(), name: new Map(), system: new Map() };
  for (const col of ['email', 'name', 'system'] as const) {
    for (const key of [...req.lookups[col]].sort()) {
      const ids = repos.keys.idsBy(req.module, col, key);
      if (ids.length > 0) found[col].set(key, ids);
    }
  }
  const lookup = (col: ExactColumn, key: string): string[] => (req.lookups[col].has(key) ? (found[col].get(key) ?? []) : repos.keys.idsBy(req.module, col, key));
  const finder: ExactFinder = {
    find(module, field, value, caseSensitive) {
      if (module !== req.module) return [];
      const key = exactKey(value, caseSensitive);
      let hits: string[];
      if (uniqueHits.has(field)) hits = uniqueHits.get(field)?.get(key) ?? [];
      else if (field === NAME_FIELD) hits = lookup('name', key);
      else if (field === p.system) hits = lookup('system', key);
      else if (field === 'Email') hits = lookup('email', key);
      else hits = [];
      // A Contact's Account_Name may hold the account's id: that is a match by itself.
      if (module === 'Accounts' && field === 'Account_Name' && repos.keys.values(module, [value.trim()]).size > 0) hits = [value.trim(), ...hits.filter((h) => h !== value.trim())];
      return hits;
    },
  };
  return { index, finder, records: stored.records, locked };
}
