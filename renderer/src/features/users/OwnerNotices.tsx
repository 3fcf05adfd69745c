/**
 * The notices about owner and user columns (one per mapped user field), with what each offers:
 * open Users to load them, or validate the batch again once they are loaded.
 */
import type { ReactNode } from 'react';
import { USERS_MODULE } from '../../../../shared/domain/user-fields';
import { useAppStore } from '../../store';
import type { BatchNotice } from '../../store/types';

/** Props of OwnerNotices. */
export interface OwnerNoticesProps {
  notices: readonly BatchNotice[];
  /** Disables the actions (a change is running). */
  busy?: boolean;
}

const TITLES: Record<BatchNotice['code'], string> = {
  OWNERS_UNRESOLVED: 'Owners are not user ids',
  OWNERS_RESOLVED: 'Owners matched to your users',
  OWNERS_STALE: 'Users loaded since this batch was checked',
};

/** Nothing when there is nothing to say. */
export function OwnerNotices({ notices, busy = false }: OwnerNoticesProps): ReactNode {
  const selectModule = useAppStore((s) => s.selectModule);
  const revalidate = useAppStore((s) => s.revalidateBatch);
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((n) => (
        <section
          key={`${n.code}:${n.field}`}
          className={`notice ${n.severity === 'warning' ? 'notice-warning' : 'notice-info'} owner-notice`}
          aria-label={`${TITLES[n.code]}: ${n.column}`}
        >
          <p className="notice-title">
            {TITLES[n.code]} <span className="muted">· {n.column}</span> <code className="error-code">{n.code}</code>
          </p>
          <p>{n.message}</p>
          {n.action === 'load-users' && (
            <p className="button-row">
              <button type="button" className="button button-small" onClick={() => selectModule(USERS_MODULE)}>
                Open Users
              </button>
            </p>
          )}
          {n.action === 'revalidate' && (
            <p className="button-row">
              <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void revalidate()}>
                Re-validate now
              </button>
            </p>
          )}
        </section>
      ))}
    </>
  );
}
