/**
 * "Save as template…": names the batch's mapping (with its transforms) for the next file with
 * the same headers.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store';

/** Props of SaveTemplateDialog. */
export interface SaveTemplateDialogProps {
  sourceName: string;
  onClose(): void;
}

/** A suggested template name: the file name without extension or trailing numbers. */
export function suggestTemplateName(sourceName: string): string {
  return sourceName.replace(/\.[^.]+$/, '').replace(/[-_ ]?\d+$/, '') || sourceName;
}

/** The modal; closes itself after a successful save. */
export function SaveTemplateDialog({ sourceName, onClose }: SaveTemplateDialogProps): ReactNode {
  const save = useAppStore((s) => s.saveBatchTemplate);
  const busy = useAppStore((s) => s.batch.busy !== null);
  const existing = useAppStore((s) => s.templates.items);
  const refresh = useAppStore((s) => s.refreshTemplates);
  const [name, setName] = useState(() => suggestTemplateName(sourceName));
  const inputId = useId();
  const trimmed = name.trim();
  const replaces = existing.some((t) => t.name === trimmed);

  // Fresh names, so "replaces" is right even if another window saved one.
  useEffect(() => void refresh(), [refresh]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (trimmed !== '' && (await save(trimmed))) onClose();
  };

  return (
    <Modal title="Save as template" onDismiss={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          Saves this batch's mapping with its transforms, defaults and “ignore empty”. A file with the same headers gets
          it applied when it is opened.
        </p>
        <div className="field">
          <label htmlFor={inputId}>Template name</label>
          <input
            id={inputId}
            className="input"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            data-autofocus
          />
        </div>
        {replaces && <p className="notice notice-warning">A template named “{trimmed}” exists; saving replaces it.</p>}
        <div className="button-row">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <span className="spacer" />
          <button type="submit" className="button button-primary" disabled={busy || trimmed === ''}>
            Save template
          </button>
        </div>
      </form>
    </Modal>
  );
}
