/**
 * Zod schemas of the invoice channels (issue 11), mirroring shared/domain/invoice.ts.
 */
import { z } from 'zod';

export const InvoiceAddressSchema = z.object({ address: z.string(), city: z.string(), state: z.string(), zip: z.string(), country: z.string(), phone: z.string(), fax: z.string() });

export const ContactPersonSchema = z.object({
  crm_id: z.string(),
  salutation: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  phone: z.string(),
  mobile: z.string(),
  is_primary_contact: z.boolean(),
});

export const InvoiceCustomerSchema = z.object({
  case: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  source: z.object({ module: z.enum(['Accounts', 'Contacts']), id: z.string() }),
  contact_name: z.string(),
  company_name: z.string(),
  contact_type: z.literal('customer'),
  billing_address: InvoiceAddressSchema,
  shipping_address: InvoiceAddressSchema,
  contact_persons: z.array(ContactPersonSchema),
});

export const InvoiceDocumentSchema = z.object({
  kind: z.enum(['invoice', 'estimate']),
  source: z.object({ module: z.string(), id: z.string(), name: z.string() }),
  number: z.string(),
  status: z.string(),
  date: z.string(),
  due_date: z.string(),
  reference: z.string(),
  currency_code: z.string(),
  customer: InvoiceCustomerSchema.nullable(),
  customerProblem: z.string().nullable(),
  line_items: z.array(
    z.object({
      item_order: z.number().int(),
      name: z.string(),
      description: z.string(),
      rate: z.number(),
      quantity: z.number(),
      discount: z.number(),
      tax_name: z.string(),
      tax_percentage: z.number(),
      tax_amount: z.number(),
      item_total: z.number(),
    }),
  ),
  sub_total: z.number(),
  discount: z.number(),
  taxes: z.array(z.object({ tax_name: z.string(), tax_amount: z.number() })),
  tax_total: z.number(),
  adjustment: z.number(),
  total: z.number(),
  checks: z.array(z.object({ where: z.string(), field: z.string(), stored: z.string(), computed: z.string(), agrees: z.boolean() })),
  problems: z.array(z.string()),
  notes: z.string(),
  terms: z.string(),
  workflow: z
    .object({
      event: z.enum(['created', 'won', 'lost']),
      workflow: z.enum(['estimate', 'invoice']),
      documentKind: z.enum(['estimate', 'invoice']).nullable(),
      status: z.string().nullable(),
      explanation: z.string(),
    })
    .nullable(),
});

export const PreviewModuleSchema = z.enum(['Quotes', 'Sales_Orders', 'Invoices', 'Deals']);

export const PreviewRequestSchema = z
  .object({
    module: PreviewModuleSchema,
    id: z.string().min(1).max(100),
    kind: z.enum(['invoice', 'estimate']).nullable(),
    workflow: z.enum(['estimate', 'invoice']),
  })
  .strict();

export const CustomersStateSchema = z.object({
  builtAt: z.string(),
  replicaStamp: z.string(),
  accounts: z.number().int(),
  contacts: z.number().int(),
  customers: z.number().int(),
  duplicates: z.number().int(),
});
