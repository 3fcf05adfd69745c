/**
 * The customers preview: the Zoho Invoice customers and contact persons the replica's Accounts
 * and Contacts would become (seed S4's three cases), likely duplicates flagged.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Segmented } from '../../components/Segmented';
import { formatCount, formatDateTime } from '../../components/format';
import { useAppStore } from '../../store';
import { CUSTOMERS_PAGE } from '../../store/invoice-slice';

const CASE_LABEL: Record<1 | 2 | 3, string> = { 1: 'Account + contacts', 2: 'Account alone', 3: 'Contact alone' };

/** The customers panel. */
export function CustomersPanel(): ReactNode {
  const page = useAppStore((s) => s.invoices.customers);
  const offset = useAppStore((s) => s.invoices.customersOffset);
  const duplicatesOnly = useAppStore((s) => s.invoices.duplicatesOnly);
  const busy = useAppStore((s) => s.invoices.busy !== null);
  const build = useAppStore((s) => s.buildCustomers);
  const load = useAppStore((s) => s.loadCustomers);
  const setFilter = useAppStore((s) => s.setCustomersFilter);
  const [term, setTerm] = useState('');

  useEffect(() => {
    const t = setTimeout(() => setFilter({ search: term }), 250);
    return () => clearTimeout(t);
  }, [term, setFilter]);

  const state = page?.state ?? null;
  return (
    <section className="convert-step" aria-labelledby="customers-title">
      <h3 id="customers-title" className="step-title">
        Customers in Zoho Invoice
      </h3>
      <p className="muted">
        An Account becomes a customer with its Contacts as contact persons; a Contact without an Account becomes a customer of its own. Only the fields Zoho Invoice imports are shown: name, phone,
        fax and addresses of Accounts; salutation, names, phone and mobile of Contacts.
      </p>
      <div className="toolbar">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void build()}>
          {state ? 'Rebuild from the replica' : 'Build the customers preview'}
        </button>
        {state && (
          <>
            <Segmented
              label="Show"
              options={[
                { value: 'all', label: 'All customers' },
                { value: 'dups', label: 'Likely duplicates' },
              ]}
              value={duplicatesOnly ? 'dups' : 'all'}
              onChange={(v) => setFilter({ duplicatesOnly: v === 'dups' })}
            />
            <input type="search" className="input" aria-label="Search customers" placeholder="Search customers…" value={term} onChange={(e) => setTerm(e.target.value)} />
          </>
        )}
      </div>
      {state && (
        <p className="run-summary">
          <strong>{formatCount(state.customers)}</strong> customers from {formatCount(state.accounts)} Accounts and {formatCount(state.contacts)} Contacts;{' '}
          <strong className={state.duplicates > 0 ? 'bad-text' : undefined}>{formatCount(state.duplicates)} likely duplicates</strong>{' '}
          <span className="muted">(built {formatDateTime(state.builtAt)})</span>
        </p>
      )}
      {page?.stale && (
        <p className="notice notice-warning" role="status">
          The replica changed since this list was built (a load or a simulated conversion): rebuild it to see the change.
        </p>
      )}
      {page && state && (
        <div className="table-scroll">
          <table className="plan-table" aria-label="Customers">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Case</th>
                <th scope="col">Billing address</th>
                <th scope="col">Contact persons</th>
                <th scope="col">Duplicate?</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map(({ seq, customer: c, duplicates }) => (
                <tr key={seq}>
                  <td>
                    <strong>{c.contact_name}</strong>
                    {c.billing_address.phone && <span className="picker-sub">Phone {c.billing_address.phone}</span>}
                  </td>
                  <td>{CASE_LABEL[c.case]}</td>
                  <td>{[c.billing_address.address, [c.billing_address.zip, c.billing_address.city].filter(Boolean).join(' '), c.billing_address.country].filter(Boolean).join(', ') || <span className="muted">—</span>}</td>
                  <td>
                    {c.contact_persons.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      c.contact_persons.map((p) => (
                        <span key={p.crm_id} className="person">
                          {[p.salutation, p.first_name, p.last_name].filter(Boolean).join(' ')}
                          {p.is_primary_contact && c.contact_persons.length > 1 ? ' (primary)' : ''}
                        </span>
                      ))
                    )}
                  </td>
                  <td>{duplicates > 0 ? <span className="badge badge-warning">{duplicates === 1 ? '1 other with this name' : `${duplicates} others with this name`}</span> : <span className="muted">—</span>}</td>
                </tr>
              ))}
              {page.items.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted">
                    No customer in this view.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {page && page.total > CUSTOMERS_PAGE && (
        <div className="picker-pager">
          <button type="button" className="button button-small" disabled={offset === 0} onClick={() => void load(Math.max(0, offset - CUSTOMERS_PAGE))}>
            Previous
          </button>
          <span className="muted">
            {formatCount(offset + 1)}–{formatCount(Math.min(page.total, offset + CUSTOMERS_PAGE))} of {formatCount(page.total)}
          </span>
          <button type="button" className="button button-small" disabled={offset + CUSTOMERS_PAGE >= page.total} onClick={() => void load(offset + CUSTOMERS_PAGE)}>
            Next
          </button>
        </div>
      )}
    </section>
  );
}
