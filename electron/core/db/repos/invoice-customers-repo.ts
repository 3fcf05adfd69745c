/**
 * SQL for the customers preview: the Zoho Invoice customers and contact persons the replica's
 * Accounts and Contacts would become, rebuilt as a whole by a worker and read in pages.
 */
import type { ContactPerson, InvoiceCustomer } from '../../../../shared/domain/invoice';
import type { Db } from '../open';

/** A built customer list's facts. */
export interface CustomersState {
  builtAt: string;
  replicaStamp: string;
  accounts: number;
  contacts: number;
  customers: number;
  duplicates: number;
}

/** One customer as a page holds it. */
export interface CustomerRow {
  seq: number;
  customer: InvoiceCustomer;
  duplicates: number;
}

/** Repository of the customers preview. */
export class InvoiceCustomersRepo {
  constructor(private readonly db: Db) {}

  clear(): void {
    this.db.exec('DELETE FROM invoice_contact_persons; DELETE FROM invoice_customers; DELETE FROM invoice_customers_state;');
  }

  /** Adds a customer (without its contact persons); returns its seq. */
  addCustomer(c: InvoiceCustomer, nameKey: string): number {
    const rest: Partial<InvoiceCustomer> = { ...c };
    delete rest.contact_persons;
    return Number(
      this.db
        .prepare('INSERT INTO invoice_customers (source_module, source_id, case_no, name, name_key, customer_json) VALUES (?, ?, ?, ?, ?, ?)')
        .run(c.source.module, c.source.id, c.case, c.contact_name, nameKey, JSON.stringify(rest)).lastInsertRowid,
    );
  }

  /** A writer for contact persons of customers already added, by account id. */
  personWriter(): { add(accountId: string, person: ContactPerson): boolean; addTo(seq: number, person: ContactPerson): void } {
    const find = this.db.prepare("SELECT seq FROM invoice_customers WHERE source_module = 'Accounts' AND source_id = ?");
    const next = this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM invoice_contact_persons WHERE customer_seq = ?');
    const insert = this.db.prepare('INSERT INTO invoice_contact_persons (customer_seq, seq, person_json) VALUES (?, ?, ?)');
    const addTo = (seq: number, person: ContactPerson): void => {
      insert.run(seq, (next.get(seq) as { n: number }).n, JSON.stringify(person));
    };
    return {
      add(accountId, person) {
        const row = find.get(accountId) as { seq: number } | undefined;
        if (!row) return false;
        addTo(row.seq, person);
        return true;
      },
      addTo,
    };
  }

  /**
   * Settles what only the whole list tells: each Account's case (1 with persons, 2 without),
   * its first person as primary, and how many other customers share each name key.
   */
  finish(state: Omit<CustomersState, 'customers' | 'duplicates'>): CustomersState {
    this.db.exec(`
      UPDATE invoice_customers SET persons = (SELECT count(*) FROM invoice_contact_persons p WHERE p.customer_seq = invoice_customers.seq);
      UPDATE invoice_customers SET case_no = CASE WHEN persons > 0 THEN 1 ELSE 2 END WHERE source_module = 'Accounts';
      UPDATE invoice_customers SET duplicates = (SELECT count(*) - 1 FROM invoice_customers o WHERE o.name_key = invoice_customers.name_key AND o.name_key <> '');
      UPDATE invoice_contact_persons SET person_json = json_set(person_json, '$.is_primary_contact', json(CASE WHEN seq = 1 THEN 'true' ELSE 'false' END));
    `);
    const counts = this.db.prepare('SELECT count(*) AS customers, sum(duplicates > 0) AS duplicates FROM invoice_customers').get() as { customers: number; duplicates: number | null };
    const full: CustomersState = { ...state, customers: counts.customers, duplicates: counts.duplicates ?? 0 };
    this.db
      .prepare('INSERT INTO invoice_customers_state (id, built_at, replica_stamp, accounts, contacts, customers, duplicates) VALUES (1, ?, ?, ?, ?, ?, ?)')
      .run(full.builtAt, full.replicaStamp, full.accounts, full.contacts, full.customers, full.duplicates);
    return full;
  }

  state(): CustomersState | null {
    const r = this.db.prepare('SELECT * FROM invoice_customers_state WHERE id = 1').get() as
      | { built_at: string; replica_stamp: string; accounts: number; contacts: number; customers: number; duplicates: number }
      | undefined;
    return r ? { builtAt: r.built_at, replicaStamp: r.replica_stamp, accounts: r.accounts, contacts: r.contacts, customers: r.customers, duplicates: r.duplicates } : null;
  }

  /**
   * A page of customers with their contact persons; `duplicatesOnly` keeps likely duplicates,
   * `nameKey` (a normalised name, as the list's keys are) those whose key contains it.
   */
  page(offset: number, limit: number, duplicatesOnly: boolean, nameKey: string): { total: number; rows: CustomerRow[] } {
    const term = nameKey;
    const where = [duplicatesOnly ? 'duplicates > 0' : '', term ? "name_key LIKE @term ESCAPE '\\'" : ''].filter(Boolean).join(' AND ');
    const clause = where ? `WHERE ${where}` : '';
    // By name, so likely duplicates sit next to each other.
    const order = 'ORDER BY name_key, seq';
    const params = { term: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit, offset };
    const total = (this.db.prepare(`SELECT count(*) AS n FROM invoice_customers ${clause}`).get(params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT seq, case_no, customer_json, duplicates FROM invoice_customers ${clause} ${order} LIMIT @limit OFFSET @offset`).all(params) as {
      seq: number;
      case_no: InvoiceCustomer['case'];
      customer_json: string;
      duplicates: number;
    }[];
    const persons = this.db.prepare('SELECT person_json FROM invoice_contact_persons WHERE customer_seq = ? ORDER BY seq');
    return {
      total,
      rows: rows.map((r) => {
        const c = JSON.parse(r.customer_json) as Omit<InvoiceCustomer, 'contact_persons'>;
        const list = (persons.all(r.seq) as { person_json: string }[]).map((p) => JSON.parse(p.person_json) as ContactPerson);
        return { seq: r.seq, customer: { ...c, case: r.case_no, contact_persons: list }, duplicates: r.duplicates };
      }),
    };
  }
}
