/**
 * Page model of the users side of the window: the Users module, its "Load users…" button,
 * and the owner notices on the mapping and batch screens.
 */
import type { Locator, Page } from 'playwright-core';

export class UsersPage {
  constructor(readonly page: Page) {}

  /** Loads a users file through "Load users…" and the browser's file picker. */
  async loadUsersWithPicker(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Load users…' }).click();
    await (await chooser).setFiles(file);
  }

  /** An owner notice by its title ("Owners are not user ids") and column. */
  notice(title: string, column: string): Locator {
    return this.page.getByRole('region', { name: `${title}: ${column}`, exact: true });
  }

  /** The load result panel's status line. */
  loadResult(): Locator {
    return this.page.locator('.result-panel').getByRole('status');
  }
}
