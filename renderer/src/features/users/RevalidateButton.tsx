/**
 * "Re-validate" beside the batch counts: checks every row again in the worker (its progress
 * shows under the toolbar), for when what rows are checked against changed, such as newly
 * loaded users. While it runs, it can be cancelled; the batch then keeps its previous results.
 */
import type { ReactNode } from 'react';
import { useAppStore } from '../../store';

/** The button, or "Cancel" while the validation runs. */
export function RevalidateButton(): ReactNode {
  const busy = useAppStore((s) => s.batch.busy);
  const revalidate = useAppStore((s) => s.revalidateBatch);
  const cancel = useAppStore((s) => s.cancelRevalidate);
  if (busy === 'Validating…') {
    return (
      <button type="button" className="button button-small" onClick={cancel}>
        Cancel validation
      </button>
    );
  }
  return (
    <button
      type="button"
      className="button button-small"
      disabled={busy !== null}
      onClick={() => void revalidate()}
      title="Check every row again, e.g. after loading users or a newer export"
    >
      Re-validate
    </button>
  );
}
