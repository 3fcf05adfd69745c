/**
 * The Templates panel: saved mapping templates, with export to a JSON file (the CLI's
 * template format), import from one, delete, and apply to the open batch.
 */
import { HiddenFileInput } from '../../components/HiddenFileInput';
import { useRef, useState, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../components/format';
import { Modal } from '../../components/Modal';
import { useAppStore, useTransportKind } from '../../store';
import type { TemplateInfo } from '../../store/types';

/** `<workspace folder>/<name>.template.json`. */
function defaultExportPath(workspacePath: string, name: string): string {
  const cut = Math.max(workspacePath.lastIndexOf('/'), workspacePath.lastIndexOf('\\'));
  const dir = cut >= 0 ? workspacePath.slice(0, cut + 1) : '';
  return `${dir}${name.replace(/[\\/:*?"<>|]+/g, '_')}.template.json`;
}

/** Mounted while the panel is open. */
export function TemplatesDialog(): ReactNode {
  const t = useAppStore((s) => s.templates);
  const close = useAppStore((s) => s.closeTemplates);
  const importFile = useAppStore((s) => s.importTemplateFile);
  const pickAndImport = useAppStore((s) => s.pickAndImportTemplate);
  const isElectron = useTransportKind() === 'electron';
  const input = useRef<HTMLInputElement>(null);

  return (
    <Modal title="Templates" onDismiss={close} className="templates-dialog">
      <div className="stack">
        <p className="muted">
          A template maps one file layout to a module: columns, transforms and defaults. It is applied when a file with
          the same headers is opened. Exported templates use the CLI's JSON format.
        </p>
        {t.status === 'error' && t.error !== null && <ErrorMessage code={t.error.code} message={t.error.message} />}
        {t.actionError !== null && <ErrorMessage code={t.actionError.code} message={t.actionError.message} title="That did not work." />}
        {t.notice !== null && (
          <p className="notice notice-success" role="status">
            {t.notice}
          </p>
        )}
        {t.status === 'ready' && t.items.length === 0 && <p className="muted">No templates yet. Use “Save as template…” on a batch.</p>}
        {t.items.length > 0 && (
          <table className="templates-table" aria-label="Saved templates">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Module</th>
                <th scope="col">Columns</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {t.items.map((item) => (
                <TemplateRow key={item.name} item={item} />
              ))}
            </tbody>
          </table>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={t.busy}
            onClick={() => (isElectron ? void pickAndImport() : input.current?.click())}
          >
            Import template…
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={close} data-autofocus>
            Close
          </button>
        </div>
        {!isElectron && (
          <HiddenFileInput inputRef={input} accept=".json,application/json" label="Template file to import" onFile={(file) => void importFile(file)} />
        )}
      </div>
    </Modal>
  );
}

function TemplateRow({ item }: { item: TemplateInfo }): ReactNode {
  const busy = useAppStore((s) => s.templates.busy || s.batch.busy !== null);
  const workspace = useAppStore((s) => s.app.workspace?.path ?? '');
  const openBatch = useAppStore((s) => (s.view.kind === 'batch' ? s.batch.summary : null));
  const exportTemplate = useAppStore((s) => s.exportTemplate);
  const deleteTemplate = useAppStore((s) => s.deleteTemplate);
  const pickSavePath = useAppStore((s) => s.pickSavePath);
  const applyToBatch = useAppStore((s) => s.applyTemplateToBatch);
  const close = useAppStore((s) => s.closeTemplates);
  const isElectron = useTransportKind() === 'electron';
  const [mode, setMode] = useState<'idle' | 'export' | 'delete'>('idle');
  const [path, setPath] = useState('');

  const startExport = async (): Promise<void> => {
    if (isElectron) {
      const picked = await pickSavePath(`Export template “${item.name}”`, 'json');
      if (picked !== null) await exportTemplate(item.name, picked);
      return;
    }
    setPath(defaultExportPath(workspace, item.name));
    setMode('export');
  };

  return (
    <>
      <tr>
        <th scope="row">{item.name}</th>
        <td>{item.module}</td>
        <td>{item.columns}</td>
        <td>{formatDateTime(item.updatedAt)}</td>
        <td className="row-actions">
          {openBatch !== null && openBatch.module === item.module && (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              aria-label={`Apply “${item.name}” to this batch`}
              onClick={() => {
                close();
                void applyToBatch(item.name);
              }}
            >
              Apply to batch
            </button>
          )}
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            aria-label={`Export “${item.name}”…`}
            onClick={() => void startExport()}
          >
            Export…
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            aria-label={`Delete “${item.name}”`}
            onClick={() => setMode('delete')}
          >
            Delete
          </button>
        </td>
      </tr>
      {mode === 'export' && (
        <tr className="row-form">
          <td colSpan={5}>
            <form
              className="field-row"
              onSubmit={(e) => {
                e.preventDefault();
                void exportTemplate(item.name, path.trim()).then((ok) => ok && setMode('idle'));
              }}
            >
              <input
                className="input input-grow mono"
                aria-label={`Export path for “${item.name}”`}
                value={path}
                onChange={(e) => setPath(e.target.value)}
                spellCheck={false}
                autoFocus
              />
              <button type="submit" className="button button-primary" disabled={busy || path.trim() === ''}>
                Export
              </button>
              <button type="button" className="button" onClick={() => setMode('idle')}>
                Cancel
              </button>
            </form>
          </td>
        </tr>
      )}
      {mode === 'delete' && (
        <tr className="row-form">
          <td colSpan={5}>
            <div className="field-row">
              <span>Delete “{item.name}”? Batches mapped with it keep their mapping.</span>
              <span className="spacer" />
              <button
                type="button"
                className="button button-danger"
                disabled={busy}
                onClick={() => void deleteTemplate(item.name).then(() => setMode('idle'))}
              >
                Confirm delete
              </button>
              <button type="button" className="button" onClick={() => setMode('idle')}>
                Keep
              </button>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
