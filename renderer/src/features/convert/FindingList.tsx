/**
 * What Zoho would say about a conversion: refusals with their code, then notes.
 */
import type { ReactNode } from 'react';
import type { PlanDetail } from '../../store/convert-slice';

type Finding = PlanDetail['plan']['findings'][number];

/** Props of FindingList. */
export interface FindingListProps {
  findings: readonly Finding[];
}

/** Refusals first (red, with Zoho's code), notes after. */
export function FindingList({ findings }: FindingListProps): ReactNode {
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="finding-list">
      {sorted.map((f, i) => (
        <li key={i} className={`finding finding-${f.severity}`}>
          {f.code !== null && <code className="error-code">{f.code}</code>}
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}
