/**
 * "Save as PDF…" / "Save as HTML…": where to save, and whether to add the preparer's notes.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { DialogActions } from '../../components/DialogActions';
import { Modal } from '../../components/Modal';
import { useAppStore, useTransportKind } from '../../store';
import { workspaceFolder } from '../convert/WriteRequestsDialog';

/** Props of SaveDocumentDialog. */
export interface SaveDocumentDialogProps {
  format: 'pdf' | 'html';
  fileName: string;
  onClose(): void;
}

/** The dialog; closes itself once saved. */
export function SaveDocumentDialog({ format, fileName, onClose }: SaveDocumentDialogProps): ReactNode {
  const workspace = useAppStore((s) => s.app.workspace?.path ?? '');
  const save = useAppStore((s) => s.saveDocument);
  const pickSavePath = useAppStore((s) => s.pickSavePath);
  const busy = useAppStore((s) => s.invoices.busy !== null);
  const error = useAppStore((s) => s.invoices.error);
  const isElectron = useTransportKind() === 'electron';
  const sep = workspace.includes('\\') ? '\\' : '/';
  const [path, setPath] = useState(`${workspaceFolder(workspace)}${sep}${fileName}.${format}`);
  const [internal, setInternal] = useState(false);
  const pathId = useId();

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (await save(format, path.trim(), internal)) onClose();
  };

  return (
    <Modal title={`Save as ${format.toUpperCase()}`} onDismiss={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          {format === 'pdf'
            ? 'A printable PDF with the fonts embedded, so accented and non-Latin names print as typed.'
            : 'One self-contained HTML file: styles inside, no scripts, nothing loaded from the web.'}
        </p>
        <div className="field">
          <label htmlFor={pathId}>Save to path</label>
          <div className="field-row">
            <input id={pathId} className="input mono input-grow" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} data-autofocus />
            {isElectron && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  void pickSavePath(`Save as ${format.toUpperCase()}`, format).then((p) => {
                    if (p) setPath(p);
                  })
                }
              >
                Choose…
              </button>
            )}
          </div>
        </div>
        <label className="check">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          Add the preparer’s notes (disagreeing totals, the deal workflow) — leave off for the customer’s copy
        </label>
        <DialogActions error={error} onCancel={onClose} submitLabel="Save" disabled={busy || path.trim() === ''} />
      </form>
    </Modal>
  );
}
