/**
 * Page model of the import screens (mapping editor and batch fix screen): locators by role and
 * label, and the things a user does there.
 */
import type { Locator, Page } from 'playwright-core';

export class ImportPage {
  constructor(readonly page: Page) {}

  /** Picks a CSV through "Import CSV…" in the header and waits for the mapping table. */
  async importWithPicker(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import CSV…' }).click();
    await (await chooser).setFiles(file);
    await this.mappingTable().waitFor();
  }

  mappingTable(): Locator {
    return this.page.getByRole('table', { name: 'Column mapping' });
  }

  /** The import screen (name "Import CSV", or "Edit mapping" for a batch). */
  screen(name: 'Import CSV' | 'Edit mapping' = 'Import CSV'): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Chooses the target module and waits until the file has been previewed again for it. */
  async chooseModule(module: string): Promise<void> {
    await this.page.getByLabel('Import into module').selectOption(module);
    await this.page.waitForFunction(() => document.querySelector('.import-view')?.getAttribute('aria-busy') === 'false');
  }

  fieldSelect(column: string): Locator {
    return this.page.getByLabel(`Field for ${column}`, { exact: true });
  }

  /** Maps a column to a field by its label ('' for "Don’t import"). */
  async mapColumn(column: string, fieldLabel: string): Promise<void> {
    await this.fieldSelect(column).selectOption(fieldLabel === '' ? '' : { label: fieldLabel });
  }

  /** The "Match" text of a column's row ("API name · 100%", "template"…). */
  matchOf(column: string): Locator {
    return this.mappingTable().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: column, exact: true }) }).locator('.match');
  }

  /** Opens a column's transforms editor and returns it. */
  async openTransforms(column: string): Promise<Locator> {
    const button = this.page.getByRole('button', { name: `Transforms for ${column}`, exact: true });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return this.page.getByRole('group', { name: `Transforms for ${column}`, exact: true });
  }

  /** Declares a column as dates in the given order (dmy, mdy, ymd, excel). */
  async declareDate(column: string, order: 'dmy' | 'mdy' | 'ymd' | 'excel'): Promise<void> {
    const editor = await this.openTransforms(column);
    await editor.getByLabel('Value format').selectOption('date');
    await editor.getByLabel('Date order').selectOption(order);
  }

  /** Starts the import and waits for the batch grid. */
  async importAll(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Import all rows' }).click();
    await this.grid(fileName).waitFor();
  }

  grid(fileName: string): Locator {
    return this.page.getByRole('grid', { name: `Rows of ${fileName}` });
  }

  /** "N valid · N with warnings · N with errors · N excluded". */
  counts(): Locator {
    return this.page.getByRole('status', { name: 'Batch counts' });
  }

  /** Waits until the batch counts read as expected ("1 valid", "2 with errors"…). */
  async countsShow(...parts: string[]): Promise<void> {
    await this.page.waitForFunction((want) => {
      const text = document.querySelector('[aria-label="Batch counts"]')?.textContent ?? '';
      return want.every((w) => text.includes(w));
    }, parts);
  }

  async filter(name: 'All' | 'Rows with issues' | 'Errors' | 'Warnings' | 'Excluded'): Promise<void> {
    await this.page.getByRole('radio', { name, exact: true }).check();
  }

  /** The grid row of a source row number (rendered only while in view). */
  row(fileName: string, rowNo: number): Locator {
    return this.grid(fileName).getByRole('row', { name: `Row ${rowNo}`, exact: true });
  }

  /** A cell by source row number and column header (field label). */
  async cell(fileName: string, rowNo: number, header: string): Promise<Locator> {
    // The grid re-renders its header when a filter or the mapping changes; wait for it.
    await this.grid(fileName).getByRole('columnheader', { name: header, exact: true }).first().waitFor();
    await this.row(fileName, rowNo).waitFor();
    const headers = await this.grid(fileName).getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((h) => h.trim() === header);
    if (index < 0) throw new Error(`No column “${header}” in ${headers.join(', ')}`);
    return this.row(fileName, rowNo).getByRole('gridcell').nth(index);
  }

  /** Edits a cell inline (double-click, type, Enter). */
  async editCell(fileName: string, rowNo: number, header: string, value: string): Promise<void> {
    await (await this.cell(fileName, rowNo, header)).dblclick();
    const input = this.page.getByRole('textbox', { name: `Edit ${header}, row ${rowNo}`, exact: true });
    await input.fill(value);
    await input.press('Enter');
  }

  async saveTemplate(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Save as template…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save as template' });
    await dialog.getByLabel('Template name').fill(name);
    await dialog.getByRole('button', { name: 'Save template' }).click();
    await this.page.getByText(`Template “${name}” saved`).waitFor();
  }

  /** The side panel of the selected row. */
  rowPanel(rowNo: number): Locator {
    return this.page.getByRole('complementary', { name: `Row ${rowNo}`, exact: true });
  }

  batchButton(sourceName: string): Locator {
    return this.page.getByRole('navigation', { name: 'Batches' }).getByRole('button', { name: new RegExp(`^${sourceName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) });
  }
}
