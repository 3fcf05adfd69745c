/**
 * Reading one replica module for a dedupe run: the exact-value index Zoho's rules need and the
 * fuzzy index (profiles and blocks), keeping only what the incoming rows can reach.
 *
 * This is the in-memory form of the replica's match keys: one pass over the module's records,
 * each normalised here. Only records that share a wanted blocking key or an exact value with
 * some incoming row are kept, so a million-record module costs the pass, not the memory.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { ReplicaMatchRepo } from '../../db/repos/replica-match-repo';
import { AppError } from '../../../../shared/ipc/errors';
import type { JobContext } from '../replica-load/load-types';
import { blockingKeys, isOrganisationModule } from './blocking';
import { fieldRoles } from './field-roles';
import { MemoryModuleIndex } from './memory-index';
import { buildProfile } from './record-profile';
import type { ShareTable } from './term-shares';
import { NAME_FIELD, personName, type ExactFinder } from './zoho-rules';

/** A value as Zoho's rules compare it: trimmed, and lower case unless case-sensitive. */
export function exactKey(value: string, caseSensitive: boolean): string {
  const v = value.trim().replace(/\s+/g, ' ');
  return caseSensitive ? v : v.toLowerCase();
}

/** What a dedupe run asks of one module. */
export interface ScanRequest {
  module: string;
  fields: readonly FieldMeta[];
  /** Field -> the exact keys some incoming row looks for (NAME_FIELD for the name rule, `id` for record ids). */
  exact: ReadonlyMap<string, ReadonlySet<string>>;
  /** Fields compared case-sensitively (unique fields whose metadata says so). */
  caseSensitive: ReadonlySet<string>;
  wantedBlocks: ReadonlySet<string>;
  otherFields: ReadonlyMap<string, string>;
  /** Account id -> name, to compare a Contact's account by name. */
  accountNames: ReadonlyMap<string, string> | null;
  /**
   * Profile every record (the fuzzy pass: blocks and term frequencies need them all); else
   * only the records Zoho's rules find (the exact pass).
   */
  everyRecord: boolean;
}

export interface ModuleScan {
  index: MemoryModuleIndex;
  finder: ExactFinder;
  records: number;
  /** Kept records that are locked in Zoho (`Locked__s`): nothing can be merged into them. */
  locked: Set<string>;
}

const PROGRESS_EVERY = 20_000;

/** One pass over a module's records; counts the values of every record profiled into `shares`. */
export function scanModule(repo: ReplicaMatchRepo, req: ScanRequest, shares: ShareTable, ctx: JobContext): ModuleScan {
  const colOf = repo.columns(req.module);
  const roles = fieldRoles(req.module, req.fields).filter((r) => colOf.has(r.field) || (r.field === 'Account_Name' && colOf.has('Account_Name.name')));
  const keys = [...new Set([...roles.map((r) => r.field), ...req.exact.keys(), 'First_Name', 'Last_Name', 'Full_Name', 'Account_Name.name', 'Locked__s'])].filter(
    (k) => colOf.has(k) && k !== 'id',
  );
  const at = new Map(keys.map((k, i) => [k, i + 1]));
  const organisation = isOrganisationModule(req.module);
  const index = new MemoryModuleIndex(req.module, organisation, req.otherFields, req.everyRecord ? req.wantedBlocks : new Set());
  const exactHits = new Map<string, Map<string, string[]>>();
  for (const f of req.exact.keys()) exactHits.set(f, new Map());
  const exactFields = [...req.exact].map(([field, wanted]) => ({ field, wanted, byKey: exactHits.get(field) as Map<string, string[]>, cs: req.caseSensitive.has(field) }));
  const total = repo.count(req.module);
  const locked = new Set<string>();
  const phase = `reading ${req.module}`;
  ctx.progress({ phase, done: 0, total, rows: 0 });
  const lockedAt = at.get('Locked__s');
  const nameAt = at.get('Account_Name.name');
  const accountAt = at.get('Account_Name');
  let rec: (string | null)[] = [];
  const get = (field: string): string => {
    if (field === 'Account_Name' && req.module !== 'Accounts') {
      const named = nameAt === undefined ? null : rec[nameAt];
      if (named) return named;
      const raw = accountAt === undefined ? '' : (rec[accountAt] ?? '');
      return req.accountNames?.get(raw) ?? raw;
    }
    const i = at.get(field);
    return i === undefined ? '' : (rec[i] ?? '');
  };
  let seen = 0;
  for (const r of repo.records(req.module, keys)) {
    rec = r;
    seen += 1;
    if (seen % PROGRESS_EVERY === 0) {
      if (ctx.cancelled()) throw new AppError('CANCELLED', 'Finding duplicates was cancelled; the previous results are kept.');
      ctx.progress({ phase, done: seen, total, rows: seen });
    }
    const id = String(r[0]);
    let exact = false;
    for (const x of exactFields) {
      const raw = x.field === NAME_FIELD ? personName(get) : x.field === 'id' ? id : get(x.field);
      if (raw === '') continue;
      const key = x.field === 'id' ? raw : exactKey(raw, x.cs);
      if (!x.wanted.has(key)) continue;
      const list = x.byKey.get(key);
      if (list) list.push(id);
      else x.byKey.set(key, [id]);
      exact = true;
    }
    if (!req.everyRecord && !exact) continue;
    const profile = buildProfile(roles, get);
    shares.add(profile);
    const added = req.everyRecord ? index.addIfWanted(id, profile, blockingKeys(profile, undefined, organisation), exact) : (index.add(id, profile, []), true);
    if (added && lockedAt !== undefined && (r[lockedAt] ?? '').toLowerCase() === 'true') locked.add(id);
  }
  ctx.progress({ phase, done: seen, total, rows: seen });
  const finder: ExactFinder = {
    find(module, field, value, caseSensitive) {
      if (module !== req.module) return [];
      const hits = exactHits.get(field)?.get(exactKey(value, caseSensitive)) ?? [];
      // A Contact's Account_Name may hold the account's id: that is a match by itself.
      const byId = field === 'Account_Name' ? (exactHits.get('id')?.get(value.trim()) ?? []) : [];
      return byId.length === 0 ? hits : [...new Set([...byId, ...hits])];
    },
  };
  return { index, finder, records: seen, locked };
}
