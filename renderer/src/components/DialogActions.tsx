/**
 * The foot of a dialog that writes a file: the core's refusal if there was one, then Cancel and
 * the submit button (off while the job runs or no path is given).
 */
import type { ReactNode } from 'react';

/** Props of DialogActions. */
export interface DialogActionsProps {
  error: { code: string; message: string } | null;
  onCancel: () => void;
  submitLabel: string;
  disabled: boolean;
}

/** Error line and the Cancel / submit row of a path dialog. */
export function DialogActions({ error, onCancel, submitLabel, disabled }: DialogActionsProps): ReactNode {
  return (
    <>
      {error !== null && (
        <p className="notice notice-error" role="alert">
          {error.message} <code className="error-code">{error.code}</code>
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="spacer" />
        <button type="submit" className="button button-primary" disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
