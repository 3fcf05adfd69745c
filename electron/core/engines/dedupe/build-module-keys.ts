/**
 * Building a module's match keys from its replica records in one pass (IO part), inside one
 * transaction: for a replica whose keys are missing or stale (loaded before keys existed, or
 * changed outside a load). A load builds them as it goes instead (see replica-load).
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { AppError } from '../../../../shared/ipc/errors';
import type { MatchKeysRepo } from '../../db/repos/match-keys-repo';
import type { ReplicaMatchRepo } from '../../db/repos/replica-match-repo';
import type { JobContext } from '../replica-load/load-types';
import { keyPlan, keySignature, recordGetter, recordKeys, recordProfile, TermCounter, type KeyPlan } from './replica-keys';

const CANCELLED = 'Finding duplicates was cancelled; the previous results are kept.';
const PROGRESS_EVERY = 20_000;
const PAGE = 5000;

/** The module's plan and the signature its keys must have for the replica as it is. */
export function currentKeyPlan(repos: { replica: ReplicaMatchRepo; keys: MatchKeysRepo }, module: string, fields: readonly FieldMeta[]): { plan: KeyPlan; signature: string } {
  const plan = keyPlan(module, fields, new Set(repos.replica.columns(module).keys()));
  return { plan, signature: keySignature(repos.keys.replicaState(module), plan) };
}

/** Builds the module's keys when missing or stale. */
export function ensureModuleKeys(
  db: { exec(sql: string): void; inTransaction: boolean },
  repos: { replica: ReplicaMatchRepo; keys: MatchKeysRepo },
  module: string,
  fields: readonly FieldMeta[],
  ctx: JobContext,
  now: string,
): KeyPlan {
  const { plan, signature } = currentKeyPlan(repos, module, fields);
  if (repos.keys.signature(module) === signature) return plan;
  const total = repos.replica.count(module);
  const phase = `indexing ${module}`;
  ctx.progress({ phase, done: 0, total, rows: 0 });
  const terms = new TermCounter();
  const read = recordGetter(plan, null);
  let rec: readonly (string | null)[] = [];
  const get = (field: string): string => read(rec, field);
  db.exec('BEGIN IMMEDIATE');
  try {
    const writer = repos.keys.beginRebuild(module);
    let seen = 0;
    let after = '';
    for (;;) {
      // Keyset pages: the rebuild writes between pages on the same connection.
      const page = repos.replica.recordsAfter(module, plan.keys, after, PAGE);
      if (page.length === 0) break;
      for (const r of page) {
        rec = r;
        seen += 1;
        if (seen % PROGRESS_EVERY === 0) {
          if (ctx.cancelled()) throw new AppError('CANCELLED', CANCELLED);
          ctx.progress({ phase, done: seen, total, rows: seen });
        }
        const profile = recordProfile(plan, get);
        terms.add(plan, profile, get);
        writer.add({ id: String(r[0]), ...recordKeys(plan, profile, get) });
      }
      after = String((page[page.length - 1] as (string | null)[])[0]);
    }
    writer.flush();
    ctx.progress({ phase, done: seen, total, rows: seen });
    repos.keys.finishRebuild(module, signature, seen, terms.packed(), now);
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    repos.keys.ensureIndexes();
    throw err;
  }
  return plan;
}
