/**
 * Channels of the Invoices area: previews of invoices and estimates, saved as PDF or HTML, and
 * the customers preview.
 */
import type { Handlers } from '../../../shared/ipc/contract';
import type { CustomersState } from '../db/repos/invoice-customers-repo';
import { InvoiceService } from '../invoice/invoice-service';
import type { HandlerContext } from './handler-context';

type InvoiceHandlers = Pick<Handlers, 'invoice.preview' | 'invoice.save' | 'invoice.customersBuild' | 'invoice.customers'>;

let jobSeq = 0;

function service(ctx: HandlerContext): InvoiceService {
  return new InvoiceService(ctx.session().db, ctx.now, ctx.options.resourcesDir);
}

/** Builds the invoice handlers. */
export function invoiceHandlers(ctx: HandlerContext): InvoiceHandlers {
  return {
    'invoice.preview': async (req) => ({ document: service(ctx).preview(req) }),
    'invoice.save': (req) => service(ctx).save(req),
    'invoice.customersBuild': async ({ jobId }) => {
      const s = ctx.session();
      const id = jobId ?? `customers_${process.pid}_${(jobSeq += 1)}`;
      return (await ctx.jobs.run(
        id,
        { kind: 'invoice.customers', payload: { dbPath: s.path, nativeBinding: ctx.options.nativeBinding, now: ctx.now().toISOString() } },
        (p) => ctx.events.emit('job.progress', { jobId: id, kind: 'invoice.customers', ...p }),
      )) as CustomersState;
    },
    'invoice.customers': async (req) => service(ctx).customers(req),
  };
}
