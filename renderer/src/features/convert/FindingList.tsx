/**
 * What Zoho would say about a conversion: refusals with their code, then notes; a refusal that
 * names the record it clashes with offers to merge into that record instead.
 */
import type { ReactNode } from 'react';
import type { PlanDetail } from '../../store/convert-slice';

type Finding = PlanDetail['plan']['findings'][number];

/** Props of FindingList. */
export interface FindingListProps {
  findings: readonly Finding[];
  /** Offers "Merge into …" for a clash with an existing Contact or Account. */
  onMergeInto?: (record: { module: string; id: string; name: string }) => void;
}

/** Refusals first (red, with Zoho's code), notes after. */
export function FindingList({ findings, onMergeInto }: FindingListProps): ReactNode {
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="finding-list">
      {sorted.map((f, i) => {
        const target = f.code === 'DUPLICATE_DATA' && f.record && (f.record.module === 'Contacts' || f.record.module === 'Accounts') && !f.record.id.startsWith('(') ? f.record : null;
        return (
          <li key={i} className={`finding finding-${f.severity}`}>
            {f.code !== null && <code className="error-code">{f.code}</code>}
            <span>
              {f.message}
              {target && onMergeInto && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => onMergeInto(target)}>
                    Merge into {target.name} instead
                  </button>
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
