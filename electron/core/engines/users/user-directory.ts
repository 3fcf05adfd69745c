/**
 * Reading the org's users out of the replica into a UserDirectory (IO over ReplicaRepo).
 */
import { USERS_MODULE } from '../../../../shared/domain/user-fields';
import type { ReplicaRepo } from '../../db/repos/replica-repo';
import { UserDirectory, type UserEntry } from './resolve-user';

const KEYS = { fullName: 'full_name', firstName: 'first_name', lastName: 'last_name', email: 'email', status: 'status' } as const;

/** Every loaded user (an empty directory when none were loaded). */
export function loadUserDirectory(replica: ReplicaRepo): UserDirectory {
  return new UserDirectory(readUsers(replica));
}

/** The loaded users as plain entries (what a parser thread is handed). */
export function readUsers(replica: ReplicaRepo): UserEntry[] {
  const colOf = new Map(replica.columns(USERS_MODULE).map((c) => [c.key, c.col]));
  const wanted = Object.values(KEYS).filter((k) => colOf.has(k));
  const out: UserEntry[] = [];
  for (const row of replica.iterateColumns(USERS_MODULE, wanted.map((k) => colOf.get(k) as string))) {
    const get = (key: string): string => {
      const col = colOf.get(key);
      return col === undefined ? '' : (row[col] ?? '');
    };
    out.push({
      id: String(row.id),
      fullName: get(KEYS.fullName),
      firstName: get(KEYS.firstName),
      lastName: get(KEYS.lastName),
      email: get(KEYS.email),
      status: get(KEYS.status),
    });
  }
  return out;
}
