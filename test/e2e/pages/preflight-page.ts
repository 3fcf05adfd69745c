/**
 * Page model of the Preflight window: locators by role and label, and the things a user does.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { screenshotPath } from '../../helpers/browser';

export class PreflightPage {
  constructor(readonly page: Page) {}

  moduleButton(module: string): Locator {
    return this.page.getByRole('navigation', { name: 'Modules' }).getByRole('button', { name: new RegExp(`^${module}\\b`) });
  }

  grid(moduleLabel: string): Locator {
    return this.page.getByRole('grid', { name: `${moduleLabel} records` });
  }

  /** Data rows currently rendered in the grid (the header row excluded). */
  dataRows(moduleLabel: string): Locator {
    return this.grid(moduleLabel).getByRole('row').filter({ hasNot: this.page.getByRole('columnheader') });
  }

  async openModule(module: string): Promise<void> {
    await this.moduleButton(module).click();
    await this.page.getByRole('heading', { level: 2, name: module.replace(/_/g, ' ') }).waitFor();
  }

  /** Loads an export through the "Load export…" button and the browser's file picker. */
  async loadExportWithPicker(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Load export…' }).click();
    await (await chooser).setFiles(file);
  }

  async loadMetadataWithPicker(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Load field metadata…' }).click();
    await (await chooser).setFiles(file);
  }

  /** Drops a file from disk onto the module view, as dragging it from the desktop does. */
  async dropFile(file: string): Promise<void> {
    const bytes = fs.readFileSync(file).toString('base64');
    const name = path.basename(file);
    const dataTransfer = await this.page.evaluateHandle(
      ({ b64, fileName }) => {
        const bin = atob(b64);
        const arr = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i += 1) arr[i] = bin.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([arr], fileName));
        return dt;
      },
      { b64: bytes, fileName: name },
    );
    const target = this.page.locator('section.module-view');
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search records' }).fill(text);
  }

  recordPanel(title: string): Locator {
    return this.page.getByRole('complementary', { name: title });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: screenshotPath(name) });
  }
}
