/**
 * The outcome of the last change on the batch: a refusal with its code, a confirmation, or
 * the progress of a change that is still running.
 */
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../store';

/** One line (or none) under the toolbar. */
export function BatchMessages(): ReactNode {
  const busy = useAppStore((s) => s.batch.busy);
  const progress = useAppStore((s) => s.batch.progress);
  const error = useAppStore((s) => s.batch.actionError);
  const notice = useAppStore((s) => s.batch.notice);
  const dismiss = useAppStore((s) => s.dismissBatchMessage);

  if (busy !== null) {
    const fraction = progress !== null && progress.total > 0 ? progress.done / progress.total : null;
    return (
      <div className="batch-message" role="status">
        <span>{busy}</span>
        {progress !== null && <ProgressBar label="Validation progress" fraction={fraction} />}
      </div>
    );
  }
  if (error !== null) {
    return (
      <div className="batch-message">
        <ErrorMessage code={error.code} message={error.message} title="The change was not made." />
        <button type="button" className="button button-quiet" onClick={dismiss} aria-label="Dismiss message">
          Dismiss
        </button>
      </div>
    );
  }
  if (notice !== null) {
    return (
      <div className="batch-message">
        <p className="notice notice-success" role="status">
          {notice}
        </p>
        <button type="button" className="button button-quiet" onClick={dismiss} aria-label="Dismiss message">
          Dismiss
        </button>
      </div>
    );
  }
  return null;
}
