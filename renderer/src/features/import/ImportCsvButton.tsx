/**
 * "Import CSV…" in the header: the file picker (browser) or the native dialog (Electron).
 */
import { HiddenFileInput } from '../../components/HiddenFileInput';
import { useRef, type ReactNode } from 'react';
import { useAppStore, useTransportKind } from '../../store';
import { isImportRunning } from '../../store/import-slice';

/** The header button and its hidden file input. */
export function ImportCsvButton(): ReactNode {
  const importFile = useAppStore((s) => s.importFile);
  const pickImportFile = useAppStore((s) => s.pickImportFile);
  const openImport = useAppStore((s) => s.openImport);
  const running = useAppStore((s) => isImportRunning(s.importState));
  const isElectron = useTransportKind() === 'electron';
  const input = useRef<HTMLInputElement>(null);

  const click = (): void => {
    // The import screen (with its drop zone) stays behind the picker, so cancelling it
    // still leaves the user where imports start.
    openImport();
    if (running) return;
    if (isElectron) {
      void pickImportFile();
    } else {
      input.current?.click();
    }
  };

  return (
    <>
      <button type="button" className="button button-primary" onClick={click}>
        Import CSV…
      </button>
      {!isElectron && (
        <HiddenFileInput inputRef={input} accept=".csv,.tsv,.txt,text/csv" label="CSV file to import" onFile={(file) => void importFile(file)} />
      )}
    </>
  );
}
