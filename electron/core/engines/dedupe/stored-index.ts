/**
 * A replica module as the dedupe pass reads it, from its stored match keys (IO part).
 *
 * The keys (exact keys for Zoho's rules, hashed blocking keys, term counts) are built when the
 * replica loads, or once by the first pass over a replica loaded before they existed (see
 * build-module-keys.ts). Zoho's rules are then a few indexed lookups for the whole batch; the
 * fuzzy pass streams one short row per record to file the records under the blocks incoming
 * rows ask for, and only the records a row is actually compared with are read in full, a few
 * thousand ids per statement.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { AppError } from '../../../../shared/ipc/errors';
import type { ExactColumn, MatchKeysRepo } from '../../db/repos/match-keys-repo';
import type { ReplicaMatchRepo } from '../../db/repos/replica-match-repo';
import type { JobContext } from '../replica-load/load-types';
import { blockHash, eachBlock } from './block-hash';
import { MAX_BLOCK } from './blocking';
import { ensureModuleKeys } from './build-module-keys';
import type { ExistingModule } from './find-duplicates';
import type { Profile } from './record-profile';
import { recordGetter, recordProfile, type KeyPlan } from './replica-keys';
import type { ShareTable } from './term-shares';
import { exactKey, NAME_FIELD, uniqueFields, type ExactFinder } from './zoho-rules';

export interface ModuleScan {
  index: StoredModuleIndex;
  finder: ExactFinder;
  records: number;
  /** Records compared that are locked in Zoho (`Locked__s`): nothing can be merged into them. */
  locked: Set<string>;
}

export interface StoredScanRequest {
  module: string;
  fields: readonly FieldMeta[];
  /** Hashes of the blocking keys some incoming row has (empty for Zoho's rules only). */
  wantedBlocks: ReadonlySet<number>;
  otherFields: ReadonlyMap<string, string>;
  /** Account id -> name, to compare a Contact's account by name. */
  accountNames: ReadonlyMap<string, string> | null;
  /** The exact keys the incoming rows will ask for, by stored column (looked up at once). */
  lookups: Record<ExactColumn, ReadonlySet<string>>;
  now: string;
}

const CANCELLED = 'Finding duplicates was cancelled; the previous results are kept.';
const PROGRESS_EVERY = 50_000;

/** Growable pairs of Int32 (a block's hash, a record's ref), for the blocks scan. */
class PairList {
  hashes = new Int32Array(1 << 20);
  refs = new Int32Array(1 << 20);
  length = 0;

  push(hash: number, ref: number): void {
    if (this.length === this.hashes.length) {
      const h = new Int32Array(this.length * 2);
      h.set(this.hashes);
      this.hashes = h;
      const r = new Int32Array(this.length * 2);
      r.set(this.refs);
      this.refs = r;
    }
    this.hashes[this.length] = hash;
    this.refs[this.length] = ref;
    this.length += 1;
  }
}

/**
 * The records of a module the pass knows of: those filed under a wanted block, and those
 * Zoho's rules found. A ref is known before its record is read; `preload` reads the records of
 * many refs at once, after which `profile` and `refOf` answer for them.
 */
export class StoredModuleIndex implements ExistingModule {
  readonly organisation: boolean;
  private readonly ids: string[] = [];
  private readonly refs = new Map<string, number>();
  private readonly profiles: (Profile | null)[] = [];
  /** Refs read and found missing from the replica. */
  private readonly missing = new Set<number>();
  private blocks = new Map<number, number[]>();

  constructor(
    readonly module: string,
    readonly otherFields: ReadonlyMap<string, string>,
    private readonly plan: KeyPlan,
    private readonly read: (ids: readonly string[]) => (string | null)[][],
    private readonly accountNames: ReadonlyMap<string, string> | null,
    private readonly onLoaded: (id: string, profile: Profile, locked: boolean) => void,
  ) {
    this.organisation = plan.organisation;
  }

  /** The ref of a record by id, registered when new (its record is read by `preload`). */
  want(id: string): number {
    let ref = this.refs.get(id);
    if (ref === undefined) {
      ref = this.ids.length;
      this.ids.push(id);
      this.profiles.push(null);
      this.refs.set(id, ref);
    }
    return ref;
  }

  /** Files refs under block hashes (pairs from the blocks scan); blocks too common are dropped. */
  fileBlocks(pairs: PairList): void {
    const sizes = new Map<number, number>();
    for (let i = 0; i < pairs.length; i += 1) {
      const h = pairs.hashes[i] as number;
      sizes.set(h, (sizes.get(h) ?? 0) + 1);
    }
    const blocks = new Map<number, number[]>();
    for (let i = 0; i < pairs.length; i += 1) {
      const h = pairs.hashes[i] as number;
      const n = sizes.get(h) as number;
      if (n > MAX_BLOCK) {
        blocks.set(h, TOO_COMMON);
        continue;
      }
      const b = blocks.get(h);
      if (b) b.push(pairs.refs[i] as number);
      else blocks.set(h, [pairs.refs[i] as number]);
    }
    this.blocks = blocks;
  }

  /** Reads the records of the refs not read yet. */
  preload(refs: Iterable<number>): void {
    const ids: string[] = [];
    for (const ref of refs) if (this.profiles[ref] === null && !this.missing.has(ref)) ids.push(this.ids[ref] as string);
    if (ids.length === 0) return;
    const get = recordGetter(this.plan, this.accountNames);
    for (const rec of this.read(ids)) {
      const id = String(rec[0]);
      const ref = this.refs.get(id);
      if (ref === undefined) continue;
      const field = (f: string): string => get(rec, f);
      const profile = recordProfile(this.plan, field);
      this.profiles[ref] = profile;
      this.onLoaded(id, profile, field('Locked__s').toLowerCase() === 'true');
    }
    for (const id of ids) {
      const ref = this.refs.get(id) as number;
      if (this.profiles[ref] === null) this.missing.add(ref);
    }
  }

  block(key: string): readonly number[] | null {
    const b = this.blocks.get(blockHash(key));
    return b === undefined ? [] : b === TOO_COMMON ? null : b;
  }

  /** The profile of a ref read by `preload` (an empty one for a record found missing). */
  profile(ref: number): Profile {
    const p = this.profiles[ref];
    if (!p) throw new AppError('INTERNAL', `Record ${this.ids[ref] ?? ref} of ${this.module} was compared before it was read.`);
    return p;
  }

  id(ref: number): string {
    return this.ids[ref] as string;
  }

  /** The ref of a record read by `preload`, or null when it is not in the replica (or not read). */
  refOf(id: string): number | null {
    const ref = this.refs.get(id);
    return ref !== undefined && this.profiles[ref] ? ref : null;
  }
}

/** A block too common to compare within. */
const TOO_COMMON: number[] = [];

/**
 * The module for the matcher: its keys built if needed, its term counts added to `shares`,
 * the blocks the incoming rows ask for filed, and Zoho's rules answered from the indexes.
 */
export function storedModuleScan(
  db: { exec(sql: string): void; inTransaction: boolean },
  repos: { replica: ReplicaMatchRepo; keys: MatchKeysRepo },
  req: StoredScanRequest,
  shares: ShareTable,
  ctx: JobContext,
): ModuleScan {
  const plan = ensureModuleKeys(db, repos, req.module, req.fields, ctx, req.now);
  const locked = new Set<string>();
  const index = new StoredModuleIndex(
    req.module,
    req.otherFields,
    plan,
    (ids) => repos.replica.recordsByIds(req.module, plan.keys, ids),
    req.accountNames,
    (id, profile, isLocked) => {
      shares.addLarge(profile);
      if (isLocked) locked.add(id);
    },
  );
  const stored = repos.keys.terms(req.module);
  shares.addPacked(stored.records, stored.terms, req.accountNames);
  if (req.wantedBlocks.size > 0) {
    const phase = `reading ${req.module}`;
    ctx.progress({ phase, done: 0, total: stored.records, rows: 0 });
    const pairs = new PairList();
    let seen = 0;
    for (const [id, , blocks] of repos.keys.blocks(req.module)) {
      seen += 1;
      if (seen % PROGRESS_EVERY === 0) {
        if (ctx.cancelled()) throw new AppError('CANCELLED', CANCELLED);
        ctx.progress({ phase, done: seen, total: stored.records, rows: seen });
      }
      let ref = -1;
      eachBlock(blocks, (h) => {
        if (!req.wantedBlocks.has(h)) return;
        if (ref < 0) ref = index.want(id);
        pairs.push(h, ref);
      });
    }
    index.fileBlocks(pairs);
    ctx.progress({ phase, done: seen, total: stored.records, rows: seen });
  }
  // Unique fields other than the system field are the org's choice, not stored: read them.
  const unique = uniqueFields(req.fields).filter((f) => f.apiName !== plan.system || f.unique?.caseSensitive === true);
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
  // Every key the rows will ask for, looked up at once (in key order, in C).
  const found: Record<ExactColumn, Map<string, string[]>> = {
    email: repos.keys.idsByMany(req.module, 'email', req.lookups.email),
    name: repos.keys.idsByMany(req.module, 'name', req.lookups.name),
    system: repos.keys.idsByMany(req.module, 'system', req.lookups.system),
  };
  const lookup = (col: ExactColumn, key: string): string[] => (req.lookups[col].has(key) ? (found[col].get(key) ?? []) : repos.keys.idsBy(req.module, col, key));
  const finder: ExactFinder = {
    find(module, field, value, caseSensitive) {
      if (module !== req.module) return [];
      const key = exactKey(value, caseSensitive);
      let hits: string[];
      if (uniqueHits.has(field)) hits = uniqueHits.get(field)?.get(key) ?? [];
      else if (field === NAME_FIELD) hits = lookup('name', key);
      else if (field === 'Email') hits = lookup('email', key);
      else if (field === plan.system) hits = lookup('system', key);
      else hits = [];
      // A Contact's Account_Name may hold the account's id: that is a match by itself.
      if (module === 'Accounts' && field === 'Account_Name' && /^\d+$/.test(value.trim()) && repos.keys.has(module, value.trim())) hits = [value.trim(), ...hits.filter((h) => h !== value.trim())];
      return hits;
    },
  };
  return { index, finder, records: stored.records, locked };
}
