/**
 * Beside the preview: the customer case, stored totals that disagree with the recomputed
 * ones, values that are not numbers, and what a Deal's workflow does.
 */
import type { ReactNode } from 'react';
import type { InvoiceDocument } from '../../store/invoice-slice';

const CASES: Record<1 | 2 | 3, string> = {
  1: 'Case 1: the Account becomes the customer and its Contacts its contact persons.',
  2: 'Case 2: the Account alone becomes the customer, without contact persons.',
  3: 'Case 3: the Contact has no Account, so it is its own customer and contact person.',
};

/** Props of DocumentChecks. */
export interface DocumentChecksProps {
  doc: InvoiceDocument;
}

/** The notes. */
export function DocumentChecks({ doc }: DocumentChecksProps): ReactNode {
  const disagree = doc.checks.filter((c) => !c.agrees);
  return (
    <aside className="doc-checks" aria-label="Checks">
      {doc.customer ? <p>{CASES[doc.customer.case]} Only the fields Zoho Invoice imports are shown.</p> : <p className="notice notice-warning">{doc.customerProblem}</p>}
      {doc.customer && doc.customerProblem && <p className="notice notice-warning">{doc.customerProblem}</p>}
      {doc.workflow && (
        <p className="notice">
          <strong>Deal workflow ({doc.workflow.workflow}s):</strong> {doc.workflow.explanation}
        </p>
      )}
      {disagree.length === 0 ? (
        <p className="ok-text">{doc.checks.length > 0 ? `All ${doc.checks.length} stored totals agree with the recomputed ones.` : 'The record stores no totals to check.'}</p>
      ) : (
        <div className="notice notice-warning" role="status">
          <p className="notice-title">Stored totals that disagree</p>
          <table className="plan-table compact" aria-label="Stored totals that disagree">
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Field</th>
                <th scope="col">In the CRM</th>
                <th scope="col">Recomputed</th>
              </tr>
            </thead>
            <tbody>
              {disagree.map((c) => (
                <tr key={`${c.where}-${c.field}`}>
                  <td>{c.where}</td>
                  <td className="mono">{c.field}</td>
                  <td>{c.stored}</td>
                  <td>{c.computed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {doc.problems.length > 0 && (
        <div className="notice notice-error">
          <p className="notice-title">Values that are not numbers (counted as 0)</p>
          <ul>
            {doc.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
