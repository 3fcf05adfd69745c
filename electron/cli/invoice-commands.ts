/**
 * `preflight invoice preview|customers`: the invoice or estimate a record would give in Zoho
 * Invoice, saved as PDF or HTML; the customers the replica would become.
 */
import type { Res } from '../../shared/ipc/contract';
import { formatMoney } from '../core/engines/invoice/money';
import { UsageError } from './args';
import { choice, cliJobId, filePath, noExtra, text, withProgress, type CliKit } from './cli-kit';
import type { Command } from './commands';

export const INVOICE_USAGE = `  invoice preview --module Quotes|Sales_Orders|Invoices|Deals --id ID [--as invoice|estimate]
                  [--workflow estimate|invoice] [--pdf FILE] [--html FILE] [--with-checks]
                                       the invoice or estimate the record would give in Zoho Invoice
  invoice customers [--duplicates] [--limit N]
                                       the Zoho Invoice customers the replica's Accounts and
                                       Contacts would become, likely duplicates flagged`;

/** The invoice commands. */
export function invoiceCommands(kit: CliKit): Record<string, Command> {
  return {
    'invoice preview': async (core, args) => {
      noExtra(args, 2);
      if (!args.flags.has('--module')) throw new UsageError('invoice preview needs --module');
      const module = choice(args, '--module', ['Quotes', 'Sales_Orders', 'Invoices', 'Deals'] as const);
      const id = text(args, '--id');
      if (!id) throw new UsageError('invoice preview needs --id ID');
      const kind = args.flags.has('--as') ? choice(args, '--as', ['invoice', 'estimate'] as const) : null;
      const workflow = choice(args, '--workflow', ['estimate', 'invoice'] as const);
      const req = { module, id, kind, workflow };
      const { document: doc } = await kit.call<Res<'invoice.preview'>>(core, 'invoice.preview', req);
      const internal = args.flags.has('--with-checks');
      const saved: Record<string, string | null> = { pdf: null, html: null };
      for (const format of ['pdf', 'html'] as const) {
        const file = filePath(args, `--${format}`);
        if (file !== undefined) saved[format] = (await kit.call<Res<'invoice.save'>>(core, 'invoice.save', { ...req, format, path: file, internal })).path;
      }
      const lines = [
        `${doc.kind === 'invoice' ? 'Invoice' : 'Estimate'} for ${doc.customer?.contact_name ?? '(no customer)'} from ${doc.source.module.replace(/_/g, ' ')} "${doc.source.name}" — status ${doc.status}, total ${formatMoney(doc.total)}${doc.currency_code ? ` ${doc.currency_code}` : ''}.`,
        ...doc.line_items.map((l) => `  ${l.item_order}. ${l.name}: ${l.quantity} x ${formatMoney(l.rate)}${l.discount ? ` - ${formatMoney(l.discount)}` : ''} = ${formatMoney(l.item_total)}${l.tax_name ? ` + ${l.tax_name}` : ''}`),
        ...doc.checks.filter((c) => !c.agrees).map((c) => `  ! ${c.where}: ${c.field} is ${c.stored} in the CRM, ${c.computed} recomputed`),
        ...(doc.customerProblem ? [`  ! ${doc.customerProblem}`] : []),
        ...(saved.pdf ? [`Saved the PDF to ${saved.pdf}`] : []),
        ...(saved.html ? [`Saved the HTML to ${saved.html}`] : []),
      ];
      return { json: { document: doc, pdf: saved.pdf, html: saved.html }, text: lines };
    },

    'invoice customers': async (core, args, onProgress) => {
      noExtra(args, 2);
      const limit = Number(text(args, '--limit') ?? '100');
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit takes 1 to 500');
      const jobId = cliJobId();
      const state = await withProgress(core, jobId, onProgress, () => kit.call<Res<'invoice.customersBuild'>>(core, 'invoice.customersBuild', { jobId }));
      const page = await kit.call<Res<'invoice.customers'>>(core, 'invoice.customers', { offset: 0, limit, duplicatesOnly: args.flags.has('--duplicates'), search: '' });
      return {
        json: { accounts: state.accounts, contacts: state.contacts, customers: state.customers, duplicates: state.duplicates, total: page.total, items: page.items.map((i) => ({ ...i.customer, duplicates: i.duplicates })) },
        text: [
          `${state.customers} Zoho Invoice customers from ${state.accounts} Accounts and ${state.contacts} Contacts; ${state.duplicates} look like duplicates.`,
          ...page.items.map((i) => `  ${i.customer.contact_name} (case ${i.customer.case}, ${i.customer.contact_persons.length} contact person${i.customer.contact_persons.length === 1 ? '' : 's'})${i.duplicates > 0 ? ' — likely duplicate' : ''}`),
        ],
      };
    },
  };
}
