/**
 * "Export error report…" in the browser, where no save dialog can return a path: a path field
 * prefilled next to the workspace file.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { formatCount } from '../../components/format';
import { DialogActions } from '../../components/DialogActions';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store';

/** Props of ExportErrorsDialog. */
export interface ExportErrorsDialogProps {
  initialPath: string;
  rowsWithIssues: number;
  onClose(): void;
}

/** `<workspace folder>/<file name>-errors.csv`. */
export function defaultReportPath(workspacePath: string, sourceName: string): string {
  const cut = Math.max(workspacePath.lastIndexOf('/'), workspacePath.lastIndexOf('\\'));
  const dir = cut >= 0 ? workspacePath.slice(0, cut + 1) : '';
  const base = sourceName.replace(/\.[^.]+$/, '') || 'batch';
  return `${dir}${base}-errors.csv`;
}

/** The modal; closes itself after a successful export. */
export function ExportErrorsDialog({ initialPath, rowsWithIssues, onClose }: ExportErrorsDialogProps): ReactNode {
  const exportReport = useAppStore((s) => s.exportErrorReport);
  const busy = useAppStore((s) => s.batch.busy !== null);
  const error = useAppStore((s) => s.batch.actionError);
  const [path, setPath] = useState(initialPath);
  const inputId = useId();

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (path.trim() !== '' && (await exportReport(path.trim()))) onClose();
  };

  return (
    <Modal title="Export error report" onDismiss={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          A CSV of the {formatCount(rowsWithIssues)} rows with issues: their original values plus the issue columns,
          ready to send back to whoever produced the file.
        </p>
        <div className="field">
          <label htmlFor={inputId}>Save to path</label>
          <input
            id={inputId}
            className="input mono"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            spellCheck={false}
            data-autofocus
          />
        </div>
        <DialogActions error={error} onCancel={onClose} submitLabel="Export" disabled={busy || path.trim() === ''} />
      </form>
    </Modal>
  );
}
