/**
 * "Write request files…": the API version, Convert Lead per lead or Mass Convert, and the
 * folder a new request folder goes into.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { DialogActions } from '../../components/DialogActions';
import { Modal } from '../../components/Modal';
import { Segmented } from '../../components/Segmented';
import { useAppStore } from '../../store';

/** Props of WriteRequestsDialog. */
export interface WriteRequestsDialogProps {
  /** Lead conversions offer Mass Convert; an inventory conversion is one request. */
  kind: 'leads' | 'inventory';
  onClose(): void;
}

/** The folder the workspace file sits in. */
export function workspaceFolder(workspacePath: string): string {
  const cut = Math.max(workspacePath.lastIndexOf('/'), workspacePath.lastIndexOf('\\'));
  return cut > 0 ? workspacePath.slice(0, cut) : workspacePath;
}

/** The dialog; closes itself once written. */
export function WriteRequestsDialog({ kind, onClose }: WriteRequestsDialogProps): ReactNode {
  const workspace = useAppStore((s) => s.app.workspace?.path ?? '');
  const writeLeads = useAppStore((s) => s.writeConvertRequests);
  const writeInventory = useAppStore((s) => s.writeInventoryRequests);
  const busy = useAppStore((s) => s.convert.busy !== null);
  const error = useAppStore((s) => s.convert.error);
  const [version, setVersion] = useState<'v8' | 'v2'>('v8');
  const [mode, setMode] = useState<'single' | 'mass'>('single');
  const [path, setPath] = useState(workspaceFolder(workspace));
  const inputId = useId();

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const ok = kind === 'leads' ? await writeLeads({ version, mode, path: path.trim() }) : await writeInventory({ version, path: path.trim() });
    if (ok) onClose();
  };

  return (
    <Modal title="Write request files" onDismiss={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          A new folder with one JSON body per Zoho call, a manifest and a README saying how to send them. Nothing is sent to Zoho. Conversions Zoho would refuse are listed, not written.
        </p>
        <Segmented<'v8' | 'v2'>
          label="API"
          options={[
            { value: 'v8', label: 'v8 ({"id"} objects)' },
            { value: 'v2', label: 'v2 (plain ids)' },
          ]}
          value={version}
          onChange={setVersion}
        />
        {kind === 'leads' && (
          <Segmented<'single' | 'mass'>
            label="Calls"
            options={[
              { value: 'single', label: 'Convert Lead, one per lead' },
              { value: 'mass', label: 'Mass Convert, 50 leads a call' },
            ]}
            value={mode}
            onChange={setMode}
          />
        )}
        <div className="field">
          <label htmlFor={inputId}>Into the folder</label>
          <input id={inputId} className="input mono" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} data-autofocus />
        </div>
        <DialogActions error={error} onCancel={onClose} submitLabel="Write" disabled={busy || path.trim() === ''} />
      </form>
    </Modal>
  );
}
