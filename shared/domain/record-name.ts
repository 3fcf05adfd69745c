/**
 * Which keys give a record its human name, per module (how a lookup to it is shown).
 */
const NAME_KEYS: Record<string, string[][]> = {
  Leads: [['Full_Name'], ['First_Name', 'Last_Name']],
  Contacts: [['Full_Name'], ['First_Name', 'Last_Name']],
  Accounts: [['Account_Name']],
  Deals: [['Deal_Name']],
  Products: [['Product_Name']],
  Quotes: [['Subject']],
  Sales_Orders: [['Subject']],
  Invoices: [['Subject']],
  Purchase_Orders: [['Subject']],
  Vendors: [['Vendor_Name']],
  Campaigns: [['Campaign_Name']],
  Cases: [['Subject']],
  Price_Books: [['Price_Book_Name']],
  Users: [['full_name'], ['first_name', 'last_name'], ['email']],
};

/** Candidate key groups for a module's record name, best first (custom modules use `Name`). */
export function nameKeyGroups(module: string): string[][] {
  return NAME_KEYS[module] ?? [['Name']];
}

/** A record's name from its values, or '' when none of the name keys hold anything. */
export function recordName(module: string, get: (key: string) => string | null | undefined): string {
  for (const group of nameKeyGroups(module)) {
    const name = group
      .map((k) => (get(k) ?? '').trim())
      .filter((v) => v !== '')
      .join(' ');
    if (name !== '') {
      return name;
    }
  }
  return '';
}
