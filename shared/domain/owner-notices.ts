/**
 * What the mapping and batch screens say about owner and user columns (pure): one notice per
 * mapped user field, instead of an error on every row.
 *
 * The core puts these in a batch summary; the mapping screen builds the same notices from the
 * rows it previews, before a batch exists.
 */
import { holdsUserIds } from './user-fields';

export type BatchNoticeCode = 'OWNERS_UNRESOLVED' | 'OWNERS_RESOLVED' | 'OWNERS_STALE';

/** Something about a mapped field as a whole (not one row). */
export interface BatchNotice {
  code: BatchNoticeCode;
  field: string;
  column: string;
  severity: 'info' | 'warning';
  message: string;
  /** What the notice offers to do: open Users to load them, or re-validate the batch. */
  action: 'load-users' | 'revalidate' | null;
}

/** A mapped user field and some of the values its column holds. */
export interface UserFieldSample {
  field: string;
  label: string;
  dataType: string;
  column: string;
  /** Source values (not resolved), as many as the caller cares to read. */
  values: readonly string[];
}

/** The loaded users: how many, and whether they came after the batch was last validated. */
export interface UsersState {
  loaded: number;
  stale: boolean;
}

/** The notices for the mapped user fields, in their order. */
export function ownerNotices(samples: readonly UserFieldSample[], users: UsersState): BatchNotice[] {
  const out: BatchNotice[] = [];
  for (const s of samples) {
    const base = { field: s.field, column: s.column };
    if (users.loaded > 0 && users.stale) {
      out.push({
        ...base,
        code: 'OWNERS_STALE',
        severity: 'warning',
        action: 'revalidate',
        message: `Users were loaded after this batch was checked: re-validate it to match ${s.label} to your ${count(users.loaded)}.`,
      });
      continue;
    }
    if (users.loaded > 0) {
      out.push({
        ...base,
        code: 'OWNERS_RESOLVED',
        severity: 'info',
        action: null,
        message:
          `${s.label} is matched to your ${count(users.loaded)} by id, email or full name (case and accents ignored) and sent to Zoho as user ids. ` +
          'A value that matches no user, two users or an inactive user is marked on its row.',
      });
      continue;
    }
    const multi = s.dataType === 'multiuserlookup';
    const notIds = s.values.filter((v) => !holdsUserIds(v, multi));
    if (notIds.length === 0) continue;
    const emails = notIds.filter((v) => v.includes('@')).length;
    const kind = emails === notIds.length ? 'emails' : emails === 0 ? 'names' : 'names and emails';
    const unmapped =
      s.dataType === 'ownerlookup'
        ? `leave ${s.label} unmapped and Zoho assigns the importing user`
        : `leave ${s.label} unmapped and the field stays empty`;
    out.push({
      ...base,
      code: 'OWNERS_UNRESOLVED',
      severity: 'warning',
      action: 'load-users',
      message:
        `${s.label} holds ${kind}, not user ids: load your users (Users → Load users…), or ${unmapped}. ` +
        'Until then no row is marked for it and the upload leaves this column out.',
    });
  }
  return out;
}

function count(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'user' : 'users'}`;
}
