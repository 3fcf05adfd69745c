/**
 * Loading a users file into the replica module `Users` (IO; runs in a worker thread).
 *
 * The file is read and checked whole first, then stored in one transaction through
 * ReplicaRepo: a refused file changes nothing, and a reload updates users by id (keys the file
 * does not carry keep their values, as in any replica load). Users are never deleted by a
 * load: a second page of the Users API adds to the first.
 */
import { USERS_MODULE } from '../../../../shared/domain/user-fields';
import { AppError } from '../../../../shared/ipc/errors';
import { openWorkspaceDb } from '../../db/open';
import { ReplicaRepo } from '../../db/repos/replica-repo';
import type { JobContext } from '../replica-load/load-types';
import { USER_KEYS, type ParsedUser, type ParsedUsers, type UserKey } from './parse-users';
import { readUsersFile } from './read-users-file';
import { isActiveUser } from './resolve-user';

export interface UsersLoadJob {
  dbPath: string;
  nativeBinding?: string;
  filePath: string;
  /** The name the user knows the file by (an upload keeps its original name). */
  sourceName: string;
  now: string;
}

export interface UsersLoadResult {
  module: 'Users';
  format: ParsedUsers['format'];
  loaded: number;
  inserted: number;
  updated: number;
  active: number;
  inactive: number;
  rejected: number;
  rejectedRows: { row: number; reason: string }[];
  total: number;
  durationMs: number;
}

/** Rejected rows listed in the result (the count is always complete). */
const MAX_REJECTS_LISTED = 100;

/** Reads, checks and stores the job's users file. */
export async function runUsersLoad(job: UsersLoadJob, ctx: JobContext): Promise<UsersLoadResult> {
  const started = Date.now();
  ctx.progress({ phase: 'reading', done: 0, total: 1, rows: 0 });
  const parsed = readUsersFile(job.filePath, job.sourceName);
  if (parsed.users.length === 0) {
    const first = parsed.rejected[0];
    throw new AppError(
      parsed.rejected.length === 0 && parsed.format === 'users-csv' ? 'CSV_EMPTY' : 'UNKNOWN_FORMAT',
      first === undefined
        ? `${job.sourceName} lists no users; nothing was loaded.`
        : `${job.sourceName} holds no user that can be loaded: ${parsed.rejected.length} ${parsed.rejected.length === 1 ? 'entry was' : 'entries were'} refused (row ${first.row}: ${first.reason}). Nothing was loaded.`,
    );
  }
  if (ctx.cancelled()) {
    throw new AppError('CANCELLED', 'The users load was cancelled; nothing was changed.');
  }
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  try {
    const replica = new ReplicaRepo(db);
    const users = lastById(parsed.users);
    ctx.progress({ phase: 'storing', done: 0, total: users.length, rows: users.length });
    // The users and the load's record go in together: the load id is what batches compare.
    const counts = db.transaction(() => {
      const stored = storeUsers(replica, users, job.now);
      replica.recordLoad({
        module: USERS_MODULE,
        format: parsed.format,
        sourceName: job.sourceName,
        loaded: users.length,
        inserted: stored.inserted,
        updated: users.length - stored.inserted,
        rejected: parsed.rejected.length,
        unknownColumns: [],
        finishedAt: job.now,
      });
      return stored;
    })();
    const active = users.filter((u) => isActiveUser({ status: u.values.status ?? '' })).length;
    ctx.progress({ phase: 'storing', done: users.length, total: users.length, rows: users.length });
    return {
      module: USERS_MODULE,
      format: parsed.format,
      loaded: users.length,
      inserted: counts.inserted,
      updated: users.length - counts.inserted,
      active,
      inactive: users.length - active,
      rejected: parsed.rejected.length,
      rejectedRows: parsed.rejected.slice(0, MAX_REJECTS_LISTED),
      total: replica.count(USERS_MODULE),
      durationMs: Date.now() - started,
    };
  } finally {
    db.close();
  }
}

/** One entry per id, the last one of the file winning (as a reload would). */
function lastById(users: readonly ParsedUser[]): ParsedUser[] {
  const byId = new Map<string, ParsedUser>();
  for (const u of users) {
    byId.delete(u.id);
    byId.set(u.id, u);
  }
  return [...byId.values()];
}

function storeUsers(replica: ReplicaRepo, users: readonly ParsedUser[], now: string): { inserted: number } {
  // Only the keys this file carries are written, so a narrower file never erases a wider one's.
  const keys = USER_KEYS.filter((k) => users.some((u) => u.values[k] !== undefined));
  const colOf = replica.ensureColumns(USERS_MODULE, keys, now);
  const table = replica.ensureModule(USERS_MODULE, now);
  const existing = new Set<string>();
  for (const row of replica.iterateColumns(USERS_MODULE, [])) existing.add(String(row.id));
  const cols = keys.map((k) => colOf.get(k) as string);
  const writer = replica.prepareUpsert(table, cols);
  let inserted = 0;
  for (const u of users) {
    if (!existing.has(u.id)) inserted += 1;
    writer.add(
      u.id,
      keys.map((k: UserKey) => u.values[k] ?? null),
    );
  }
  writer.flush();
  return { inserted };
}
