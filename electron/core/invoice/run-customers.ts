/**
 * Building the customers preview (worker side): every Account becomes a Zoho Invoice customer
 * (with its Contacts as contact persons), every Contact without an Account a customer of its
 * own (seed S4); likely duplicates are counted per name key. Replaces the previous list in one
 * transaction.
 */
import { openWorkspaceDb, type Db } from '../db/open';
import { InvoiceCustomersRepo, type CustomersState } from '../db/repos/invoice-customers-repo';
import { ReplicaRecordsRepo } from '../db/repos/replica-records-repo';
import { SimulationRepo } from '../db/repos/simulation-repo';
import { inWriteTransaction, progressReporter } from '../convert/job-progress';
import { contactPerson, customerFromAccount, customerFromContact, customerNameKey } from '../engines/invoice/customer';
import type { JobContext } from '../engines/replica-load/load-types';

/** A customers-preview job. */
export interface CustomersJob {
  dbPath: string;
  nativeBinding?: string;
  now: string;
}

const ACCOUNT_KEYS = ['Account_Name', 'Phone', 'Fax', ...['Billing', 'Shipping'].flatMap((p) => ['Street', 'City', 'State', 'Code', 'Country'].map((k) => `${p}_${k}`))];
const CONTACT_KEYS = ['Salutation', 'First_Name', 'Last_Name', 'Phone', 'Mobile', 'Account_Name', 'Account_Name.name'];

/** The stamp the customers list was built against: replica loads and simulations. */
export function customersStamp(db: Db): string {
  return `${new ReplicaRecordsRepo(db).loadStamp()}:${new SimulationRepo(db).stamp()}`;
}

/** Rebuilds the customers preview; resolves with its counts. */
export async function runCustomerPreview(job: CustomersJob, ctx: JobContext): Promise<CustomersState> {
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  try {
    return inWriteTransaction(db, () => {
      const records = new ReplicaRecordsRepo(db);
      const repo = new InvoiceCustomersRepo(db);
      repo.clear();
      const accounts = records.count('Accounts');
      const contacts = records.count('Contacts');
      const total = accounts + contacts;
      const report = progressReporter(ctx, 'customers', 'Building the customers preview was cancelled; the previous list is kept.');
      let done = 0;
      for (const a of records.iterate('Accounts', ACCOUNT_KEYS)) {
        const c = customerFromAccount(a, []);
        repo.addCustomer(c, customerNameKey(c.contact_name));
        report((done += 1), total);
      }
      const persons = repo.personWriter();
      for (const c of records.iterate('Contacts', CONTACT_KEYS)) {
        const accountId = c.values.Account_Name ?? '';
        if (accountId !== '' && !persons.add(accountId, contactPerson(c, false))) {
          // The Contact has an Account the replica lacks: Zoho Invoice still files it under
          // that Account, of which only the name is known here.
          const account = customerFromAccount({ id: accountId, values: { Account_Name: c.values['Account_Name.name'] ?? accountId } }, []);
          persons.addTo(repo.addCustomer(account, customerNameKey(account.contact_name)), contactPerson(c, false));
        } else if (accountId === '') {
          const own = customerFromContact(c);
          const seq = repo.addCustomer(own, customerNameKey(own.contact_name, 'Contacts'));
          persons.addTo(seq, own.contact_persons[0] ?? contactPerson(c, true));
        }
        report((done += 1), total);
      }
      const state = repo.finish({ builtAt: job.now, replicaStamp: customersStamp(db), accounts, contacts });
      report(total, total, true);
      return state;
    });
  } finally {
    db.close();
  }
}
