/**
 * Invoice and estimate previews over the replica (IO): the document a record would give, its
 * customer as Zoho Invoice would import it, saved as PDF or HTML; and the customers preview.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InvoiceCustomer, InvoiceDocument } from '../../../shared/domain/invoice';
import type { Req, Res } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { InvoiceCustomersRepo } from '../db/repos/invoice-customers-repo';
import { ReplicaRecordsRepo, type KeyedValues } from '../db/repos/replica-records-repo';
import { buildDocument } from '../engines/invoice/build-document';
import { customerFromAccount, customerFromContact, customerNameKey, type CrmRecord } from '../engines/invoice/customer';
import { renderHtml } from '../engines/invoice/render-html';
import { renderPdf, type PdfFonts } from '../engines/invoice/render-pdf';
import { chosenOutputPath, writeFileAtomic } from '../fs-atomic';
import { customersStamp } from './run-customers';

/** Contact persons listed per customer at most (Zoho Invoice lists them all; a preview needs fewer). */
const MAX_PERSONS = 500;

const fontCache = new Map<string, PdfFonts>();

/** The embedded fonts, read once per resources folder. */
export function pdfFonts(resourcesDir: string): PdfFonts {
  const key = path.resolve(resourcesDir);
  let fonts = fontCache.get(key);
  if (!fonts) {
    const dir = path.join(key, 'fonts');
    try {
      fonts = { regular: fs.readFileSync(path.join(dir, 'DejaVuSans.ttf')), bold: fs.readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')) };
    } catch (err) {
      throw new AppError('FILE_UNREADABLE', `The PDF fonts are missing from ${dir}: ${(err as Error).message}`);
    }
    fontCache.set(key, fonts);
  }
  return fonts;
}

type Preview = Req<'invoice.preview'>;

/** Invoices on one workspace. */
export class InvoiceService {
  private readonly records: ReplicaRecordsRepo;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly resourcesDir: string,
  ) {
    this.records = new ReplicaRecordsRepo(db);
  }

  private accountCustomer(accountId: string, fallbackName: string, primaryId: string | null): { customer: InvoiceCustomer; problem: string | null } {
    const account = this.records.get('Accounts', accountId);
    if (!account) {
      return {
        customer: customerFromAccount({ id: accountId, values: { Account_Name: fallbackName || accountId } }, []),
        problem: `Account ${fallbackName || accountId} is not in the replica, so only its name is known: load the Accounts export to see its addresses and contacts.`,
      };
    }
    const contacts: CrmRecord[] = this.records.idsWhere('Contacts', 'Account_Name', accountId, MAX_PERSONS).map((id) => ({ id, values: this.records.get('Contacts', id) ?? {} }));
    return { customer: customerFromAccount({ id: accountId, values: account }, contacts, primaryId), problem: null };
  }

  /** The customer a record bills: its Account (with contacts), else its Contact (S4). */
  customerOf(record: KeyedValues): { customer: InvoiceCustomer | null; problem: string | null } {
    const accountId = record.Account_Name ?? '';
    const contactId = record.Contact_Name ?? '';
    if (accountId !== '') return this.accountCustomer(accountId, record['Account_Name.name'] ?? '', contactId || null);
    if (contactId !== '') {
      const contact = this.records.get('Contacts', contactId);
      if (!contact) {
        return { customer: null, problem: `Contact ${record['Contact_Name.name'] || contactId} is not in the replica: load the Contacts export to see the customer.` };
      }
      if (contact.Account_Name) return this.accountCustomer(contact.Account_Name, contact['Account_Name.name'] ?? '', contactId);
      return { customer: customerFromContact({ id: contactId, values: contact }), problem: null };
    }
    return { customer: null, problem: 'The record names no Account and no Contact: Zoho Invoice needs a customer to bill.' };
  }

  preview(req: Preview): InvoiceDocument {
    const record = this.records.get(req.module, req.id);
    if (!record) throw new AppError('RECORD_NOT_FOUND', `No ${req.module.replace(/_/g, ' ')} record with id ${req.id} in the replica.`);
    const { customer, problem } = this.customerOf(record);
    return buildDocument({
      module: req.module,
      id: req.id,
      record,
      kind: req.kind,
      workflow: req.workflow,
      customer,
      customerProblem: problem,
      today: this.now().toISOString().slice(0, 10),
    });
  }

  async save(req: Req<'invoice.save'>): Promise<Res<'invoice.save'>> {
    const file = chosenOutputPath(req.path);
    const doc = this.preview(req);
    const bytes = req.format === 'pdf' ? await renderPdf(doc, pdfFonts(this.resourcesDir), this.now(), { internal: req.internal }) : Buffer.from(renderHtml(doc, { internal: req.internal }), 'utf8');
    try {
      writeFileAtomic(file, bytes);
    } catch (err) {
      throw new AppError('FILE_UNREADABLE', `Cannot write ${file}: ${(err as Error).message}`);
    }
    return { path: file, bytes: bytes.length };
  }

  customers(req: Req<'invoice.customers'>): Res<'invoice.customers'> {
    const repo = new InvoiceCustomersRepo(this.db);
    const state = repo.state();
    if (!state) return { state: null, stale: false, total: 0, offset: req.offset, items: [] };
    const { total, rows } = repo.page(req.offset, req.limit, req.duplicatesOnly, customerNameKey(req.search));
    return { state, stale: state.replicaStamp !== customersStamp(this.db), total, offset: req.offset, items: rows };
  }
}
