/**
 * Reading a users file into user records (pure): a saved Users API response
 * (`GET /crm/v2/users`: `{"users":[…], "info":{…}}`) or a CSV export of users with labels.
 *
 * Values are kept as given (role and profile objects become their names, with their ids
 * beside them); only the keys of `resources/zoho/Users.json` are kept, so the Users module
 * shows the columns a CRM admin knows rather than the API's dozens of preference flags.
 */
import { AppError } from '../../../../shared/ipc/errors';
import { compactHeader } from '../mapping/normalize-header';

/** The keys a user record keeps (the field api names of Users.json, `id` apart). */
export const USER_KEYS = [
  'full_name',
  'first_name',
  'last_name',
  'email',
  'status',
  'role',
  'role_id',
  'profile',
  'profile_id',
  'alias',
  'phone',
  'mobile',
  'city',
  'state',
  'country',
  'language',
  'locale',
  'time_zone',
  'zuid',
  'confirm',
  'created_time',
] as const;

export type UserKey = (typeof USER_KEYS)[number];

/** One user as stored: the id and the values the file gave. */
export interface ParsedUser {
  id: string;
  values: Partial<Record<UserKey, string>>;
}

export interface ParsedUsers {
  format: 'users-api-json' | 'users-csv';
  users: ParsedUser[];
  /** Entries that could not be stored, by 1-based position (data row of a CSV). */
  rejected: { row: number; reason: string }[];
}

type JsonObject = Record<string, unknown>;

/** Zoho's UI exports write record ids as `zcrm_<digits>`; the id is the digits. */
const UI_ID_PREFIX = /^zcrm_/i;
const USER_ID = /^[0-9]{1,19}$/;

/** Reads a saved Users API response; refuses anything else with a coded error. */
export function parseUsersResponse(json: unknown): ParsedUsers {
  if (!isObject(json)) {
    throw new AppError('UNKNOWN_FORMAT', 'This JSON is not a Users API response: expected an object {"users": […]} as saved from GET /crm/v2/users.');
  }
  if (!Array.isArray(json.users)) {
    const what = Array.isArray(json.data) ? 'a Records API response ("data")' : Array.isArray(json.fields) ? 'a Fields API response ("fields")' : 'an object without "users"';
    throw new AppError(
      'UNKNOWN_FORMAT',
      `This JSON is ${what}, not a Users API response. Save the reply of GET /crm/v2/users?type=AllUsers (it starts with {"users": […]}) and load that.`,
    );
  }
  const users: ParsedUser[] = [];
  const rejected: ParsedUsers['rejected'] = [];
  json.users.forEach((raw: unknown, i: number) => {
    const row = i + 1;
    if (!isObject(raw)) {
      rejected.push({ row, reason: 'not a user object' });
      return;
    }
    if (typeof raw.id === 'number') {
      // A number this long has already lost digits in JSON.parse; Zoho itself sends strings.
      rejected.push({ row, reason: 'the id is a JSON number, not a string, so its digits cannot be trusted' });
      return;
    }
    const id = userId(raw.id);
    if (id === null) {
      rejected.push({ row, reason: typeof raw.id === 'string' && raw.id.trim() !== '' ? `“${raw.id}” is not a Zoho user id` : 'no user id' });
      return;
    }
    const values: ParsedUser['values'] = {};
    for (const key of USER_KEYS) {
      const text = jsonText(key === 'role_id' ? idOf(raw.role) : key === 'profile_id' ? idOf(raw.profile) : key === 'role' || key === 'profile' ? nameOf(raw[key]) : raw[key]);
      if (text !== null) values[key] = text;
    }
    users.push({ id, values });
  });
  return { format: 'users-api-json', users, rejected };
}

/** Header spellings accepted per key, compared in compact form ("User Id", "user_id", "USER ID"). */
const CSV_HEADERS: Readonly<Record<UserKey | 'id' | 'active', readonly string[]>> = {
  id: ['id', 'user id', 'record id', 'crm user id', 'user record id'],
  full_name: ['full name', 'name', 'user name', 'user', 'display name'],
  first_name: ['first name', 'first', 'given name'],
  last_name: ['last name', 'last', 'surname', 'family name'],
  email: ['email', 'email address', 'e-mail', 'mail', 'email id'],
  status: ['status', 'user status'],
  active: ['active', 'is active'],
  role: ['role', 'role name'],
  role_id: ['role id'],
  profile: ['profile', 'profile name'],
  profile_id: ['profile id'],
  alias: ['alias'],
  phone: ['phone', 'phone number'],
  mobile: ['mobile', 'mobile number'],
  city: ['city'],
  state: ['state', 'province'],
  country: ['country'],
  language: ['language'],
  locale: ['locale', 'country locale'],
  time_zone: ['time zone', 'timezone'],
  zuid: ['zuid', 'zoho user id'],
  confirm: ['confirm', 'confirmed'],
  created_time: ['created time', 'created on', 'added time'],
};

/**
 * Reads a users CSV (header row first, then one user per row). Without an id column no owner
 * could ever be resolved to an id, so such a file is refused with MISSING_ID_COLUMN.
 */
export function parseUsersCsv(header: readonly string[], rows: readonly { row: number; cells: readonly string[] }[]): ParsedUsers {
  const column = new Map<string, number>();
  header.forEach((h, i) => {
    const key = keyForHeader(h);
    if (key !== null && !column.has(key)) column.set(key, i);
  });
  const idCol = column.get('id');
  if (idCol === undefined) {
    throw new AppError(
      'MISSING_ID_COLUMN',
      'This users file has no user id column ("User Id" or "Record Id"), so owners cannot be resolved to ids. ' +
        'Load the Users API response instead (GET /crm/v2/users?type=AllUsers saved as JSON), or an export of users that includes their ids.',
    );
  }
  if (!column.has('full_name') && !column.has('email') && !column.has('first_name') && !column.has('last_name')) {
    throw new AppError('UNKNOWN_FORMAT', 'This CSV has an id column but no name or email column, so it is not a users export (expected "Full Name" or "Email").');
  }
  const statusCol = column.get('status');
  const activeCol = column.get('active');
  const users: ParsedUser[] = [];
  const rejected: ParsedUsers['rejected'] = [];
  for (const { row, cells } of rows) {
    const rawId = (cells[idCol] ?? '').trim();
    const id = userId(rawId);
    if (id === null) {
      rejected.push({ row, reason: rawId === '' ? 'no user id' : `“${rawId}” is not a Zoho user id` });
      continue;
    }
    const values: ParsedUser['values'] = {};
    for (const key of USER_KEYS) {
      const i = column.get(key);
      const v = i === undefined ? undefined : cells[i];
      if (v !== undefined && v !== '') values[key] = v;
    }
    if (statusCol === undefined) {
      // A checkbox "Active" column, else a list of users without any status: current users.
      const flag = activeCol === undefined ? 'true' : (cells[activeCol] ?? '').trim().toLowerCase();
      values.status = ['true', 'yes', '1', 'x', 'active'].includes(flag) ? 'active' : 'inactive';
    }
    users.push({ id, values });
  }
  return { format: 'users-csv', users, rejected };
}

const HEADER_INDEX: ReadonlyMap<string, string> = new Map(
  Object.entries(CSV_HEADERS).flatMap(([key, names]) => [[compactHeader(key), key] as const, ...names.map((n) => [compactHeader(n), key] as const)]),
);

function keyForHeader(header: string): string | null {
  return HEADER_INDEX.get(compactHeader(header)) ?? null;
}

function userId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.trim().replace(UI_ID_PREFIX, '');
  return USER_ID.test(id) ? id : null;
}

function nameOf(value: unknown): unknown {
  return isObject(value) ? value.name : value;
}

function idOf(value: unknown): unknown {
  return isObject(value) ? value.id : null;
}

/** Scalars as text (booleans as `true`/`false`); objects, arrays and null are not kept. */
function jsonText(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
