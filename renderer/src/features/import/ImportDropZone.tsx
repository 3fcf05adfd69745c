/**
 * Where an import starts: a drop zone for a CSV and a button for the file picker.
 */
import { HiddenFileInput } from '../../components/HiddenFileInput';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useAppStore, useTransportKind } from '../../store';
import { isCsvName } from '../../store/file-kind';

/** Props of ImportDropZone. */
export interface ImportDropZoneProps {
  /** A smaller zone under an error, to try another file. */
  compact?: boolean;
}

/** Drop a CSV here, or choose one. */
export function ImportDropZone({ compact = false }: ImportDropZoneProps): ReactNode {
  const importFile = useAppStore((s) => s.importFile);
  const pickImportFile = useAppStore((s) => s.pickImportFile);
  const isElectron = useTransportKind() === 'electron';
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const take = (file: File | undefined): void => {
    if (file === undefined) return;
    if (!isCsvName(file.name)) {
      setRefused(file.name);
      return;
    }
    setRefused(null);
    void importFile(file);
  };

  const choose = (): void => {
    if (isElectron) {
      void pickImportFile();
    } else {
      input.current?.click();
    }
  };

  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={`drop-zone${over ? ' is-over' : ''}${compact ? ' is-compact' : ''}`}
      role="region"
      aria-label="Drop a CSV file to import"
      onDragOver={(e) => {
        if (Array.from(e.dataTransfer.types).includes('Files')) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {!compact && <p className="drop-zone-title">Drop a CSV file here</p>}
      {!compact && (
        <p className="muted">
          Any CSV: comma, semicolon, tab or pipe separated, UTF-8, UTF-16 or Windows-1252. The file is read, never
          changed.
        </p>
      )}
      {!compact && (
        <p className="muted">
          A CSV dropped anywhere outside a module's records comes here. Zoho exports for the replica go on a module's
          records instead.
        </p>
      )}
      <button type="button" className="button button-primary" onClick={choose}>
        {compact ? 'Choose another CSV file…' : 'Choose CSV file…'}
      </button>
      {refused !== null && (
        <p role="alert" className="notice notice-error">
          {refused} is not a CSV file. To load a Zoho export into the replica, open its module and drop it on the
          records.
        </p>
      )}
      {!isElectron && (
        <HiddenFileInput inputRef={input} accept=".csv,.tsv,.txt,text/csv" label="CSV file to import" onFile={take} />
      )}
    </div>
  );
}
