/**
 * The progress of a conversion job, with its Cancel button.
 */
import type { ReactNode } from 'react';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount } from '../../components/format';
import type { JobProgress } from '../../store/types';

/** Props of ProgressLine. */
export interface ProgressLineProps {
  label: string;
  progress: JobProgress | null;
  onCancel?: () => void;
}

/** Label, bar, count, cancel. */
export function ProgressLine({ label, progress, onCancel }: ProgressLineProps): ReactNode {
  const fraction = progress && progress.total > 0 ? progress.done / progress.total : null;
  return (
    <div className="progress-inline" role="status">
      <span>{label}</span>
      <ProgressBar label={label} fraction={fraction} />
      {progress && progress.total > 0 && (
        <span className="muted">
          {formatCount(progress.done)} of {formatCount(progress.total)}
        </span>
      )}
      {onCancel && (
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
