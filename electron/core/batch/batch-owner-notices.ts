/**
 * What a batch says about its owner and user columns: the summary's notices, and the names the
 * grid shows for resolved user ids.
 */
import type { BatchMapping } from '../../../shared/domain/batch';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { ownerNotices, type BatchNotice, type UserFieldSample } from '../../../shared/domain/owner-notices';
import { isUserField, isUserId } from '../../../shared/domain/user-fields';
import type { BatchRecord, StoredRow } from '../db/repos/batch-repo';
import type { RowContext } from '../engines/batch/compute-row';
import type { UserDirectory } from '../engines/users/resolve-user';

/** The notices of a batch's mapped user fields. `sample` is read only when users are missing. */
export function batchOwnerNotices(
  b: BatchRecord,
  mapping: BatchMapping,
  fields: readonly FieldMeta[],
  opts: { users: UserDirectory; stale: boolean; sample: () => StoredRow[] },
): BatchNotice[] {
  const byName = new Map(fields.map((f) => [f.apiName, f]));
  const mapped = mapping.fields.flatMap((m) => {
    const meta = byName.get(m.field);
    return meta !== undefined && isUserField(meta) && !meta.readOnly ? [{ m, meta }] : [];
  });
  if (mapped.length === 0) return [];
  const rows = opts.users.size === 0 ? opts.sample() : [];
  const samples: UserFieldSample[] = mapped.map(({ m, meta }) => {
    const indexes = m.columns.map((c) => b.header.indexOf(c));
    return {
      field: m.field,
      label: meta.label,
      dataType: meta.dataType,
      column: m.columns.join(' + '),
      values: rows.map((r) =>
        indexes
          .map((i) => (i < 0 ? '' : (r.cells[i] ?? '')))
          .filter((v) => v.trim() !== '')
          .join(m.joinWith),
      ),
    };
  });
  return ownerNotices(samples, { loaded: opts.users.size, stale: opts.stale });
}

/** Field -> the user name(s) to show for a resolved user field of one computed row. */
export function userDisplay(ctx: RowContext, values: ReadonlyMap<string, { value: string }>): Record<string, string> {
  const users = ctx.users;
  const out: Record<string, string> = {};
  if (users === null || users.size === 0) return out;
  for (const plan of ctx.plans) {
    if (!plan.user) continue;
    const value = values.get(plan.field)?.value ?? '';
    if (value === '') continue;
    const names: string[] = [];
    for (const id of value.split(';')) {
      const user = isUserId(id) ? users.get(id) : undefined;
      if (user === undefined) break;
      names.push(user.fullName || `${user.firstName} ${user.lastName}`.trim() || user.email || id);
    }
    if (names.length > 0 && names.length === value.split(';').length) out[plan.field] = names.join('; ');
  }
  return out;
}
