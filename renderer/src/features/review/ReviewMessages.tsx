/**
 * The outcome of the last review change (or of finding duplicates): a refusal with its code,
 * or a confirmation; shown on the review screen and on the batch screen.
 */
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAppStore } from '../../store';

/** One line (or none). */
export function ReviewMessages(): ReactNode {
  const error = useAppStore((s) => s.review.actionError);
  const notice = useAppStore((s) => s.review.notice);
  const dismiss = useAppStore((s) => s.dismissReviewMessage);
  if (error === null && notice === null) return null;
  return (
    <div className="batch-message">
      {error !== null ? (
        <ErrorMessage code={error.code} message={error.message} title="The change was not made." />
      ) : (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      <button type="button" className="button button-quiet" onClick={dismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
