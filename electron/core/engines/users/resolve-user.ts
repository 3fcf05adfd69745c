/**
 * Resolving an owner or user value to a CRM user id, as Zoho's import wizard does (pure).
 *
 * A value is a user id (of a loaded user), an email (case ignored) or a full name (case and
 * accents ignored, runs of spaces as one). Two active users of that name are ambiguous and the
 * message names both, never a silent pick; a user who is not active is refused as Zoho
 * refuses them; anything else is not found.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { isMultiUserField, isUserId, userParts } from '../../../../shared/domain/user-fields';

/** One CRM user as resolution needs it. */
export interface UserEntry {
  id: string;
  fullName: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Zoho's status text (`active`, `inactive`, `disabled`, `deleted`…). */
  status: string;
}

export type UserResolution =
  | { ok: true; id: string }
  | { ok: false; code: 'LOOKUP_NOT_FOUND' | 'AMBIGUOUS_LOOKUP' | 'INVALID_DATA'; message: string };

/** How many users an ambiguous message lists before "…". */
const MAX_LISTED = 4;

/**
 * Distinct cells remembered per field. An owner column repeats a few hundred names a million
 * times; remembering each cell's answer makes the repeats a map lookup. Past the cap, cells
 * are resolved afresh, so memory stays bounded whatever the file holds.
 */
const MEMO_CELLS = 50_000;

/** The comparable form of a person's name: accents and case dropped, spaces collapsed. */
export function nameKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when Zoho lets records be assigned to the user. */
export function isActiveUser(user: Pick<UserEntry, 'status'>): boolean {
  return user.status.trim().toLowerCase() === 'active';
}

/** The org's users indexed by id, email and name. */
export class UserDirectory {
  private readonly byId = new Map<string, UserEntry>();
  private readonly byEmail = new Map<string, UserEntry[]>();
  private readonly byName = new Map<string, UserEntry[]>();
  /** Per field (type and label, which the messages name), cell -> its answer. */
  private readonly memo = new Map<string, Map<string, UserResolution>>();

  constructor(readonly users: readonly UserEntry[]) {
    for (const u of users) {
      this.byId.set(u.id, u);
      if (u.email.trim() !== '') add(this.byEmail, u.email.trim().toLowerCase(), u);
      // The full name as Zoho shows it, and first + last for a full name written otherwise.
      const keys = new Set([nameKey(u.fullName), nameKey(`${u.firstName} ${u.lastName}`)].filter((k) => k !== ''));
      for (const k of keys) add(this.byName, k, u);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The user with this id, if loaded. */
  get(id: string): UserEntry | undefined {
    return this.byId.get(id);
  }

  /** Resolves one value (one user) for `field`. */
  resolve(field: Pick<FieldMeta, 'label' | 'dataType'>, raw: string): UserResolution {
    const value = raw.trim();
    if (isUserId(value)) {
      const user = this.byId.get(value);
      if (user) return isActiveUser(user) ? { ok: true, id: user.id } : inactive(field, value, [user]);
      return {
        ok: false,
        code: 'LOOKUP_NOT_FOUND',
        message: `No loaded user has the id ${value} (${field.label} takes one of your ${this.countText()}). Load your users again if this one was added since.`,
      };
    }
    const byEmail = value.includes('@');
    const hits = (byEmail ? this.byEmail.get(value.toLowerCase()) : this.byName.get(nameKey(value))) ?? [];
    const active = hits.filter(isActiveUser);
    if (active.length === 1) return { ok: true, id: (active[0] as UserEntry).id };
    if (active.length > 1) {
      const listed = active.slice(0, MAX_LISTED).map(describe).join('; ');
      return {
        ok: false,
        code: 'AMBIGUOUS_LOOKUP',
        message: `${active.length} active users are ${byEmail ? 'at' : 'named'} “${value}”: ${listed}${active.length > MAX_LISTED ? '; …' : ''}. Use the email or the user id of the one you mean.`,
      };
    }
    if (hits.length > 0) return inactive(field, value, hits);
    return {
      ok: false,
      code: 'LOOKUP_NOT_FOUND',
      message: `No loaded user ${byEmail ? 'has the email' : 'is named'} “${value}” (${field.label} takes one of your ${this.countText()}). Check the spelling, or load your users again if this one was added since.`,
    };
  }

  /**
   * Resolves a whole cell: one user, or for a multi-user field several separated by `;` or
   * `,`, joined with `;` as Bulk Write takes them. The first value that fails fails the cell.
   */
  resolveCell(field: Pick<FieldMeta, 'label' | 'dataType'>, value: string): UserResolution {
    return this.cellResolver(field)(value);
  }

  /** resolveCell for one field, worked out once (for resolving a column a million times). */
  cellResolver(field: Pick<FieldMeta, 'label' | 'dataType'>): (value: string) => UserResolution {
    const key = `${field.dataType}\u0000${field.label}`;
    let known = this.memo.get(key);
    if (known === undefined) {
      known = new Map();
      this.memo.set(key, known);
    }
    const memo = known;
    return (value) => {
      const hit = memo.get(value);
      if (hit !== undefined) return hit;
      const result = this.resolveUncached(field, value);
      if (memo.size < MEMO_CELLS) memo.set(value, result);
      return result;
    };
  }

  private resolveUncached(field: Pick<FieldMeta, 'label' | 'dataType'>, value: string): UserResolution {
    if (!isMultiUserField(field)) return this.resolve(field, value);
    const ids: string[] = [];
    for (const part of userParts(value, true)) {
      const r = this.resolve(field, part);
      if (!r.ok) return r;
      if (!ids.includes(r.id)) ids.push(r.id);
    }
    return { ok: true, id: ids.join(';') };
  }

  private countText(): string {
    return `${this.size.toLocaleString('en-US')} loaded ${this.size === 1 ? 'user' : 'users'}`;
  }
}

function add(map: Map<string, UserEntry[]>, key: string, user: UserEntry): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [user]);
  else if (!list.includes(user)) list.push(user);
}

function describe(u: UserEntry): string {
  return `${u.fullName || u.email || u.id} (${u.id}${u.email ? `, ${u.email}` : ''})`;
}

function inactive(field: Pick<FieldMeta, 'label' | 'dataType'>, value: string, users: readonly UserEntry[]): UserResolution {
  const u = users[0] as UserEntry;
  const status = u.status.trim() === '' ? 'not active' : u.status.trim().toLowerCase();
  const empty = field.dataType === 'ownerlookup' ? 'leave the cell empty and Zoho assigns the importing user' : 'leave the cell empty';
  return {
    ok: false,
    code: 'INVALID_DATA',
    message: `“${value}” is ${status === 'inactive' ? 'inactive' : status} in Zoho (${describe(u)}); Zoho does not assign ${field.label} to a user who is not active. Choose an active user, or ${empty}.`,
  };
}
