/**
 * The hidden `<input type="file">` behind a "Choose…" button in the browser (the Electron
 * window uses native dialogs instead). It hands on the one file picked and resets itself,
 * so picking the same file again still counts.
 */
import type { ReactNode, RefObject } from 'react';

/** Props of HiddenFileInput. */
export interface HiddenFileInputProps {
  inputRef: RefObject<HTMLInputElement | null>;
  accept: string;
  /** Accessible name (tests and screen readers find the input by it). */
  label: string;
  onFile(file: File): void;
}

export function HiddenFileInput({ inputRef, accept, label, onFile }: HiddenFileInputProps): ReactNode {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      aria-label={label}
      className="file-input"
      tabIndex={-1}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file !== undefined) onFile(file);
      }}
    />
  );
}
