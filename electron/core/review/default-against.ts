/**
 * Which modules a batch is compared with by default (the brief of issue 9): a Lead with Leads,
 * Contacts and Accounts (it may already be a customer, or its company may); a Contact with
 * Contacts, Leads and Accounts; an Account with Accounts; any other module with itself.
 */
const DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  Leads: ['Leads', 'Contacts', 'Accounts'],
  Contacts: ['Contacts', 'Leads', 'Accounts'],
  Accounts: ['Accounts'],
};

/** The default modules to compare a batch of `module` with, before keeping those with records. */
export function defaultAgainst(module: string): string[] {
  return [...(DEFAULTS[module] ?? [module])];
}
