/**
 * How the file is read and where it goes: target module, encoding and delimiter (detected,
 * overridable; changing one reads the file again).
 */
import { useId, type ReactNode } from 'react';
import { USERS_MODULE } from '../../../../shared/domain/user-fields';
import { useAppStore } from '../../store';
import type { DelimiterChoice, EncodingChoice } from '../../store/types';
import { DELIMITERS, ENCODINGS, delimiterName, encodingName } from './import-options';

/** The settings row above the preview. */
export function ImportSettings(): ReactNode {
  const allModules = useAppStore((s) => s.modules);
  const module = useAppStore((s) => s.importState.module);
  const encoding = useAppStore((s) => s.importState.encoding);
  const delimiter = useAppStore((s) => s.importState.delimiter);
  const preview = useAppStore((s) => s.importState.preview);
  const busy = useAppStore((s) => s.importState.phase !== 'ready' || s.importState.job !== null);
  const setModule = useAppStore((s) => s.setImportModule);
  const setEncoding = useAppStore((s) => s.setImportEncoding);
  const setDelimiter = useAppStore((s) => s.setImportDelimiter);
  const moduleId = useId();
  const encodingId = useId();
  const delimiterId = useId();

  // Bulk Write does not write users, so Users is never a target.
  const modules = allModules.filter((m) => m.module !== USERS_MODULE);
  const detected = preview?.detected;
  const known = modules.some((m) => m.module === module);

  return (
    <div className="import-settings">
      <div className="field">
        <label htmlFor={moduleId}>Import into module</label>
        <select id={moduleId} className="input" value={module} disabled={busy} onChange={(e) => void setModule(e.target.value)}>
          {!known && <option value={module}>{module}</option>}
          {modules.map((m) => (
            <option key={m.module} value={m.module}>
              {m.label}
              {m.source === 'org' ? ' (org metadata)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={encodingId}>Encoding</label>
        <select
          id={encodingId}
          className="input"
          value={encoding}
          disabled={busy}
          onChange={(e) => void setEncoding(e.target.value as EncodingChoice)}
        >
          <option value="auto">Detect{detected ? ` (found ${encodingName(detected.encoding)})` : ''}</option>
          {ENCODINGS.map((x) => (
            <option key={x.value} value={x.value}>
              {x.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={delimiterId}>Delimiter</label>
        <select
          id={delimiterId}
          className="input"
          value={delimiter}
          disabled={busy}
          onChange={(e) => void setDelimiter(e.target.value as DelimiterChoice)}
        >
          <option value="auto">Detect{detected ? ` (found ${delimiterName(detected.delimiter)})` : ''}</option>
          {DELIMITERS.map((x) => (
            <option key={x.value} value={x.value}>
              {x.label}
            </option>
          ))}
        </select>
      </div>
      {preview !== null && detected !== undefined && (
        <p className="import-detected muted" role="status">
          Read as <strong>{encodingName(preview.encoding)}</strong>, {delimiterName(preview.delimiter)} separated
          {encoding === 'auto' && delimiter === 'auto'
            ? ` (detection: encoding ${detected.encodingConfidence}, delimiter ${detected.delimiterConfidence})`
            : ' (your choice)'}
          .
        </p>
      )}
    </div>
  );
}
