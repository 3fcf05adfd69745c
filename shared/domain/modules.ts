/** Modules whose standard metadata ships in resources/zoho/. */
export const STANDARD_MODULES = [
  'Leads',
  'Contacts',
  'Accounts',
  'Deals',
  'Products',
  'Quotes',
  'Sales_Orders',
  'Invoices',
] as const;

export type StandardModule = (typeof STANDARD_MODULES)[number];

/** Zoho module API names: letters, digits and underscores, starting with a letter. */
export const MODULE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

/** Human label for a module API name (`Sales_Orders` -> `Sales Orders`). */
export function moduleLabel(module: string): string {
  return module.replace(/_/g, ' ');
}
