/**
 * Zoho Invoice previews: the customers CRM Accounts and Contacts become (seed S4), and the
 * invoices and estimates a Quote, Sales Order, Invoice or Deal would produce (ZOHO-SPEC §7).
 *
 * Key spellings of the customer follow Zoho Invoice's API (`contact_name`, `billing_address`,
 * `contact_persons`), so what the preview shows is what an import would hold.
 */

/** An address as Zoho Invoice stores it. */
export interface InvoiceAddress {
  address: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  phone: string;
  fax: string;
}

/** A contact person of a customer: only the Contact fields S4 says are imported. */
export interface ContactPerson {
  /** The CRM Contact it comes from. */
  crm_id: string;
  salutation: string;
  first_name: string;
  last_name: string;
  phone: string;
  mobile: string;
  is_primary_contact: boolean;
}

/**
 * S4's three cases: 1 an Account with its Contacts as contact persons; 2 an Account alone;
 * 3 a Contact without an Account, which is its own customer and contact person.
 */
export type CustomerCase = 1 | 2 | 3;

/** A Zoho Invoice customer as the CRM import would create it. */
export interface InvoiceCustomer {
  case: CustomerCase;
  source: { module: 'Accounts' | 'Contacts'; id: string };
  contact_name: string;
  company_name: string;
  contact_type: 'customer';
  billing_address: InvoiceAddress;
  shipping_address: InvoiceAddress;
  contact_persons: ContactPerson[];
}

/** One line of an invoice or estimate, with the figures recomputed. */
export interface InvoiceLine {
  item_order: number;
  name: string;
  description: string;
  rate: number;
  quantity: number;
  /** Discount amount of the line. */
  discount: number;
  tax_name: string;
  tax_percentage: number;
  tax_amount: number;
  /** rate x quantity - discount (Zoho Invoice's item_total, before tax). */
  item_total: number;
}

/** A stored figure that disagrees with the one recomputed from the line items. */
export interface TotalsCheck {
  /** `line 2` or `document`. */
  where: string;
  field: string;
  stored: string;
  computed: string;
  agrees: boolean;
}

/** What a Deal's Zoho Invoice workflow does with it (S4). */
export interface DealWorkflowStep {
  /** The deal event: created, won, lost. */
  event: 'created' | 'won' | 'lost';
  /** The workflow the org uses: estimates (create/accept/decline) or invoices (create/void). */
  workflow: 'estimate' | 'invoice';
  /** What happens: the document created or the status it takes; null when nothing happens. */
  documentKind: 'estimate' | 'invoice' | null;
  status: string | null;
  explanation: string;
}

/** A printable invoice or estimate. */
export interface InvoiceDocument {
  kind: 'invoice' | 'estimate';
  source: { module: string; id: string; name: string };
  /** The CRM number when the record has one; '' when Zoho Invoice assigns it. */
  number: string;
  status: string;
  date: string;
  /** Invoice: due date; estimate: expiry date. */
  due_date: string;
  reference: string;
  currency_code: string;
  customer: InvoiceCustomer | null;
  /** Why there is no customer (the record points at no Account or Contact in the replica). */
  customerProblem: string | null;
  line_items: InvoiceLine[];
  sub_total: number;
  /** Document-level discount. */
  discount: number;
  taxes: { tax_name: string; tax_amount: number }[];
  tax_total: number;
  adjustment: number;
  total: number;
  checks: TotalsCheck[];
  /** Values that could not be read as numbers, with where they were. */
  problems: string[];
  notes: string;
  terms: string;
  workflow: DealWorkflowStep | null;
}
