/**
 * Page model of the Convert and Invoices areas: locators by role and label, and what a user
 * does there.
 */
import type { Locator, Page } from 'playwright-core';
import { screenshotPath } from '../../helpers/browser';

export class ConvertPage {
  constructor(readonly page: Page) {}

  area(name: 'Convert' | 'Invoices'): Locator {
    return this.page.getByRole('navigation', { name: 'Prepare' }).getByRole('button', { name: new RegExp(`^${name}`) });
  }

  async open(name: 'Convert' | 'Invoices'): Promise<void> {
    await this.area(name).click();
    await this.page.getByRole('heading', { level: 2, name }).waitFor();
  }

  /** Searches a record picker and returns its list. */
  async search(listName: string, term: string): Promise<Locator> {
    const list = this.page.getByRole('list', { name: listName });
    const picker = list.locator('xpath=..');
    await picker.getByRole('searchbox').fill(term);
    return list;
  }

  planRow(lead: string): Locator {
    return this.page.getByRole('table', { name: 'Conversion plans' }).getByRole('row').filter({ hasText: lead });
  }

  planPanel(lead: string): Locator {
    return this.page.getByRole('complementary', { name: `Plan of ${lead}` });
  }

  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: screenshotPath(name), fullPage: false });
  }
}
