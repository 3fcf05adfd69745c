/**
 * Page model of the duplicate review: the batch screen's duplicate buttons, the review screen
 * (queue, side by side, cluster, actions, bulk dialog) — locators by role and label, and the
 * things a user does there.
 */
import type { Locator, Page } from 'playwright-core';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ReviewPage {
  constructor(readonly page: Page) {}

  /** "Find duplicates" on the batch screen, then waits for the search to end. */
  async findDuplicates(): Promise<void> {
    await this.page.getByRole('button', { name: /^Find duplicates/ }).click();
    await this.page.getByRole('region', { name: /^Finding duplicates in/ }).waitFor({ state: 'detached' });
    await this.page.getByRole('button', { name: /^Review duplicates/ }).waitFor();
  }

  /** "Review duplicates (N to review)" on the batch screen. */
  reviewButton(): Locator {
    return this.page.getByRole('button', { name: /^Review duplicates/ });
  }

  async open(sourceName: string): Promise<void> {
    await this.reviewButton().click();
    await this.heading(sourceName).waitFor();
    await this.queueLoaded();
  }

  heading(sourceName: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: `Duplicate review · ${sourceName}` });
  }

  /** "N to review · N merge · …". */
  counts(): Locator {
    return this.page.getByRole('status', { name: 'Review counts' }).first();
  }

  /** Waits until the review counts read as expected ("3 to review", "1 merge"…). */
  async countsShow(...parts: string[]): Promise<void> {
    await this.page.waitForFunction((want) => {
      const text = document.querySelector('[aria-label="Review counts"]')?.textContent ?? '';
      return want.every((w) => text.includes(w));
    }, parts);
  }

  queue(): Locator {
    return this.page.getByRole('listbox', { name: 'Rows to review' });
  }

  /** The queue item of a batch row (rendered only while in view). */
  item(row: number): Locator {
    return this.queue().getByRole('option', { name: new RegExp(`^Row ${row}:`) });
  }

  /** Every queue option's accessible name, in order. */
  async itemNames(): Promise<string[]> {
    const names: string[] = [];
    for (const o of await this.queue().getByRole('option').all()) names.push((await o.getAttribute('aria-label')) ?? '');
    return names;
  }

  /** Shows the queue under a filter and waits until its first page is in. */
  async filter(name: 'Open' | 'Decided' | 'All'): Promise<void> {
    await this.page.getByRole('region', { name: 'Review queue' }).getByRole('radio', { name, exact: true }).click();
    await this.queueLoaded();
  }

  /** Waits until the queue shows its count (it reads "…" while its first page loads). */
  async queueLoaded(): Promise<void> {
    await this.page.waitForFunction(() => {
      const total = document.querySelector('.queue-total')?.textContent ?? '…';
      return total !== '…' && document.querySelector('.queue-item.is-loading') === null;
    });
  }

  /** The side-by-side pane of the selected row, named "Row N · Name". */
  pane(row: number): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^Row ${row} · `) });
  }

  async select(row: number): Promise<Locator> {
    await this.queueLoaded();
    await this.item(row).click();
    const pane = this.pane(row);
    await pane.waitFor();
    await this.page.waitForFunction(() => document.querySelector('.review-item')?.getAttribute('aria-busy') !== 'true');
    return pane;
  }

  /** "Already a Contact: …" sentences of the selected row. */
  whatItIs(): Locator {
    return this.page.getByRole('list', { name: 'What this row already is' });
  }

  tab(name: RegExp): Locator {
    return this.page.getByRole('tablist', { name: 'Candidates' }).getByRole('tab', { name });
  }

  compareTable(): Locator {
    return this.page.getByRole('table', { name: /compared with|are the same as/ });
  }

  /** A field line of the comparison, by its label. */
  line(label: string): Locator {
    return this.compareTable().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escape(label)}`) }) });
  }

  /** The radio that keeps a field's incoming or existing value. */
  winner(label: string, side: 'incoming' | 'existing'): Locator {
    return this.page.getByRole('radio', { name: `${label}: ${side}`, exact: true });
  }

  /** The radio that keeps a cluster member's value of a field. */
  memberValue(label: string, row: number): Locator {
    return this.page.getByRole('radio', { name: `${label}: row ${row}`, exact: true });
  }

  survivor(row: number): Locator {
    return this.page.getByRole('radio', { name: `Row ${row} survives`, exact: true });
  }

  /** The selected row's decision badge ("Decision: Merge → Contact Pat Boyle (…)"). */
  decision(): Locator {
    return this.page.locator('.review-item .item-head').getByLabel(/^Decision: /);
  }

  mergeRule(name: 'Pick per field' | 'Fill blanks only' | 'Incoming wins'): Locator {
    return this.page.getByRole('radiogroup', { name: 'Merge rule' }).getByRole('radio', { name, exact: true });
  }

  action(name: RegExp): Locator {
    return this.page.getByRole('region', { name: /^Row \d+ · / }).getByRole('button', { name });
  }

  bulkDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Bulk accept duplicates' });
  }

  /** Opens Bulk accept, sets the score and returns the preview's text once it is counted. */
  async bulkPreviewAt(percent: number): Promise<string> {
    if (!(await this.bulkDialog().isVisible())) await this.page.getByRole('button', { name: 'Bulk accept…' }).click();
    const box = this.bulkDialog().getByRole('spinbutton', { name: 'Minimum score in percent' });
    await box.fill(String(percent));
    const preview = this.bulkDialog().getByRole('status', { name: 'Bulk accept preview' });
    await this.page.waitForFunction(
      (pct) => {
        const el = document.querySelector('[aria-label="Bulk accept preview"]');
        const slider = document.querySelector<HTMLInputElement>('.bulk-dialog input[type="range"]');
        return el?.getAttribute('aria-busy') === 'false' && slider?.value === String(pct);
      },
      percent,
    );
    return (await preview.textContent()) ?? '';
  }

  /** Undo / redo by keyboard, as a user does on this screen. */
  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+z');
  }

  /** The sidebar's "Duplicate review" entry under a batch. */
  sidebarEntry(): Locator {
    return this.page.getByRole('navigation', { name: 'Batches' }).getByRole('button', { name: /^Duplicate review/ });
  }

  /** Waits until the screen has nothing running (the busy line is gone). */
  async idle(): Promise<void> {
    await this.page.waitForFunction(() => !document.querySelector('.review-view [role="status"].sr-only'));
  }
}
