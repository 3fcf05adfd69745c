/**
 * The first rows of the file as they were read, so a wrong encoding or delimiter shows at once.
 */
import { useId, type ReactNode } from 'react';
import { useAppStore } from '../../store';

/** Rows shown; the preview holds more, used for samples and picklist values. */
const SHOWN_ROWS = 8;

/** A small, scrollable table of the first rows; rows with a different field count are marked. */
export function PreviewTable(): ReactNode {
  const header = useAppStore((s) => s.importState.header);
  const rows = useAppStore((s) => s.importState.sampleRows);
  const fileName = useAppStore((s) => s.importState.target?.fileName ?? 'the file');
  const captionId = useId();
  const shown = rows.slice(0, SHOWN_ROWS);

  return (
    <section className="import-section" aria-labelledby={captionId}>
      <h3 className="section-title" id={captionId}>
        First rows
      </h3>
      <div className="preview-scroll">
        <table className="preview-table" aria-label={`First rows of ${fileName}`}>
          <thead>
            <tr>
              <th scope="col" className="num-col">
                Row
              </th>
              {header.map((h, i) => (
                <th key={i} scope="col">
                  {h === '' ? <span className="muted">(no name)</span> : h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r, ri) => {
              const ragged = r.length !== header.length;
              return (
                <tr key={ri} className={ragged ? 'is-ragged' : undefined}>
                  <th scope="row" className="num-col">
                    {ri + 1}
                    {ragged && (
                      <span className="badge badge-warning" title={`${r.length} fields; the header has ${header.length}`}>
                        {r.length} fields
                      </span>
                    )}
                  </th>
                  {header.map((_, ci) => (
                    <td key={ci}>{r[ci] ?? ''}</td>
                  ))}
                  {r.length > header.length && <td className="extra-cells">+ {r.slice(header.length).join(' | ')}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
