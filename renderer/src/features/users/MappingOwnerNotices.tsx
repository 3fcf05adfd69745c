/**
 * The owner notices of the mapping screen, worked out from the previewed rows before a batch
 * exists (the same rule the core applies to a batch summary).
 */
import { useMemo, type ReactNode } from 'react';
import { ownerNotices, type UserFieldSample } from '../../../../shared/domain/owner-notices';
import { isUserField, USERS_MODULE } from '../../../../shared/domain/user-fields';
import { useAppStore } from '../../store';
import { OwnerNotices } from './OwnerNotices';

/** Notices for the columns mapped to owner and user fields. */
export function MappingOwnerNotices(): ReactNode {
  const plans = useAppStore((s) => s.importState.plans);
  const fields = useAppStore((s) => s.importState.fields);
  const rows = useAppStore((s) => s.importState.sampleRows);
  const users = useAppStore((s) => s.modules.find((m) => m.module === USERS_MODULE)?.records ?? 0);

  const notices = useMemo(() => {
    const samples: UserFieldSample[] = [];
    plans.forEach((p, index) => {
      const meta = p.split === null ? fields.find((f) => f.apiName === p.field) : undefined;
      if (meta === undefined || !isUserField(meta) || meta.readOnly) return;
      samples.push({ field: meta.apiName, label: meta.label, dataType: meta.dataType, column: p.column, values: rows.map((r) => r[index] ?? '') });
    });
    return ownerNotices(samples, { loaded: users, stale: false });
  }, [plans, fields, rows, users]);

  return <OwnerNotices notices={notices} />;
}
