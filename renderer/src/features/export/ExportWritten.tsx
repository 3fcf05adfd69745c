/**
 * The written export: where the folder is, opened in Electron, shown with a copy button in
 * the browser, and what to do next.
 */
import { useState, type ReactNode } from 'react';
import type { Res } from '../../../../shared/ipc/contract';
import { useAppStore, useTransportKind } from '../../store';

/** The folder panel after writing. */
export function ExportWritten({ written }: { written: Res<'export.run'> }): ReactNode {
  const openFolder = useAppStore((s) => s.openExportFolder);
  const copied = useAppStore((s) => s.exportScreen.copied);
  const markCopied = useAppStore((s) => s.markFolderCopied);
  const isElectron = useTransportKind() === 'electron';
  const [copyFailed, setCopyFailed] = useState(false);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(written.folder);
      markCopied();
    } catch {
      setCopyFailed(true);
    }
  };

  return (
    <div className="notice notice-success export-written" role="status">
      <p className="notice-title">
        Export #{written.export} written: {written.plan.jobs.length} ZIP(s) with their job JSON, manifest.json and README.txt.
      </p>
      <p>
        Folder: <code className="mono export-folder">{written.folder}</code>
      </p>
      <div className="button-row">
        {isElectron ? (
          <button type="button" className="button button-small" onClick={() => void openFolder(written.folder)}>
            Show folder
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy path'}
          </button>
        )}
        {copyFailed && <span className="muted">Select the path above and copy it.</span>}
      </div>
      <p className="muted">Upload each ZIP with its JSON as README.txt says, then load each result below (“Load result file…”).</p>
    </div>
  );
}
