/**
 * A labelled progress bar; indeterminate when the fraction is unknown.
 */
import type { ReactNode } from 'react';

/** Props of ProgressBar. */
export interface ProgressBarProps {
  label: string;
  /** 0..1, or null while the total is not known yet. */
  fraction: number | null;
}

/** Shows progress with role=progressbar so assistive tech reads the percentage. */
export function ProgressBar({ label, fraction }: ProgressBarProps): ReactNode {
  const percent = fraction === null ? null : Math.max(0, Math.min(100, Math.round(fraction * 100)));
  return (
    <div
      className={percent === null ? 'progress progress-indeterminate' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={percent === null ? 'Working…' : `${percent}%`}
    >
      <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
    </div>
  );
}
