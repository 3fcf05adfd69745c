/**
 * Page model of the export screen: locators by role and label, and what a user does there.
 */
import type { Locator, Page } from 'playwright-core';

export class ExportPage {
  constructor(readonly page: Page) {}

  screen(): Locator {
    return this.page.getByRole('region', { name: 'Export for Zoho Bulk Write' });
  }

  /** Opens the export screen from the open batch's toolbar. */
  async openFromBatch(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export for Zoho…' }).click();
    await this.screen().waitFor();
  }

  async setFolder(folder: string): Promise<void> {
    await this.page.getByLabel('Export folder').fill(folder);
  }

  async dryRun(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Check (dry run)' }).click();
    const summary = this.page.getByRole('region', { name: 'Dry run' });
    await summary.waitFor();
    return summary;
  }

  async write(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Write ZIPs' }).click();
    const done = this.screen().getByRole('status').filter({ hasText: 'written' });
    await done.waitFor({ timeout: 60_000 });
    return done;
  }

  history(exportId: number): Locator {
    return this.page.getByRole('article', { name: `Export ${exportId}` });
  }

  /** Loads a result file for an export through its "Load result file…" button. */
  async loadResult(exportId: number, file: string): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.history(exportId).getByRole('button', { name: 'Load result file…' }).click();
    await (await chooser).setFiles(file);
    const notice = this.history(exportId).getByRole('status');
    await notice.waitFor();
    return notice;
  }
}
