/**
 * Reviewing duplicates in the window, as a user does it, in Debian's Chromium against the
 * real host and core: load a small replica (Contacts, Accounts, Leads), import a Leads file
 * from a trade show with planted duplicates, find duplicates, then merge one with a per-field
 * pick, create one, skip one, merge a cluster inside the file, bulk-accept above a score after
 * reading the count, undo — checking after each step what the queue, the side-by-side view
 * and the batch grid show, and that the decisions survive a reload.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWindow, type OpenWindow } from '../helpers/open-window';
import { FIXTURES } from '../helpers/temp-dir';
import { ImportPage } from './pages/import-page';
import { PreflightPage } from './pages/preflight-page';
import { ReviewPage } from './pages/review-page';

const R = path.join(FIXTURES, 'review-flow');
const FILE = 'leads-tradeshow.csv';
let win: OpenWindow;
let page: Page;
let app: PreflightPage;
let imp: ImportPage;
let review: ReviewPage;

beforeAll(async () => {
  win = await openWindow();
  page = win.page;
  app = new PreflightPage(page);
  imp = new ImportPage(page);
  review = new ReviewPage(page);
});

afterAll(async () => {
  await win?.close();
});

/** The text of a batch grid cell (the grid must show the row). */
async function gridText(row: number, header: string): Promise<string> {
  return ((await (await imp.cell(FILE, row, header)).textContent()) ?? '').trim();
}

/** Waits until a batch grid cell reads as expected. */
async function gridShows(row: number, header: string, want: string | RegExp): Promise<void> {
  await expect.poll(() => gridText(row, header), { timeout: 10_000 }).toMatch(want);
}

describe('reviewing duplicates in the window', () => {
  it('loads a small replica of Contacts, Accounts and Leads', async () => {
    for (const [module, records] of [
      ['Contacts', 6],
      ['Accounts', 3],
      ['Leads', 1],
    ] as const) {
      await app.openModule(module);
      await app.loadExportWithPicker(path.join(R, `${module}.bulk-read.csv`));
      await page.getByRole('status').filter({ hasText: `Loaded ${records} record` }).waitFor();
    }
  });

  it('imports the trade show leads and offers to find duplicates', async () => {
    await imp.importWithPicker(path.join(R, FILE));
    await imp.chooseModule('Leads');
    await imp.importAll(FILE);
    await imp.countsShow('9 valid');
    await expect(review.reviewButton().count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Find duplicates', exact: true }).waitFor();
  });

  it('finds duplicates with progress, then shows the count to review and a Review column', async () => {
    await review.findDuplicates();
    await expect(review.reviewButton().textContent()).resolves.toMatch(/to review/);
    await page.getByRole('status').filter({ hasText: 'Duplicates found' }).waitFor();
    await imp.grid(FILE).getByRole('columnheader', { name: 'Review', exact: true }).waitFor();
    await app.screenshot('review-01-batch-found');
  });

  it('opens the queue, best first, each row saying where its match is', async () => {
    await review.open(FILE);
    await review.queue().waitFor();
    const names = await review.itemNames();
    expect(names.length).toBe(8);
    // Sofia Rossi (row 7) is new: she is not in the queue.
    expect(names.some((n) => n.startsWith('Row 7:'))).toBe(false);
    expect(names.find((n) => n.startsWith('Row 1:'))).toMatch(/Pat Boyle, Contact Pat Boyle/);
    expect(names.find((n) => n.startsWith('Row 9:'))).toMatch(/Kenji Watanabe, Lead Kenji Watanabe/);
    expect(names.find((n) => n.startsWith('Row 5:'))).toMatch(/Duplicate in this file/);
    await review.countsShow('8 to review', '0 merge');
    await app.screenshot('review-02-queue');
  });

  it('shows Pat Boyle side by side: what she already is, the candidates, matched and differing fields', async () => {
    await review.select(1);
    const said = (await review.whatItIs().textContent()) ?? '';
    expect(said).toContain('Already a Contact: Pat Boyle at Zylker Biotech');
    expect(said).toContain('Company is an existing Account: Zylker Biotech');
    await review.tab(/^Contact · Pat Boyle /).waitFor();
    await review.tab(/Account · Zylker Biotech/).waitFor();
    await expect(review.line('Email').textContent()).resolves.toMatch(/matched/);
    await expect(review.line('Title').textContent()).resolves.toMatch(/differs/);
    // Fill blanks only by default: the existing title stays.
    await expect(review.winner('Title', 'existing').isChecked()).resolves.toBe(true);
    await app.screenshot('review-03-side-by-side');
  });

  it('merges Pat Boyle into the Contact with the incoming title picked, by keyboard', async () => {
    // F goes to the field lines; ↓ moves line by line; ← keeps the incoming value.
    await page.keyboard.press('f');
    const lines = await review.compareTable().getByRole('rowheader').allInnerTexts();
    const title = lines.findIndex((l) => l.startsWith('Title'));
    expect(title).toBeGreaterThan(0);
    for (let i = 0; i < title; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await expect(review.winner('Title', 'incoming').isChecked()).resolves.toBe(true);
    await expect(review.mergeRule('Pick per field').getAttribute('aria-checked')).resolves.toBe('true');
    await page.getByText(/A merge updates 1 field of Contact Pat Boyle: Title/).waitFor();
    await app.screenshot('review-04-picked');
    await page.keyboard.press('m');
    await review.countsShow('7 to review', '1 merge');
    // Under "Open" the decided row leaves the queue and the next one is shown.
    await expect.poll(() => review.item(1).count()).toBe(0);
    await page.getByRole('status').filter({ hasText: 'Row 1 will be merged into Pat Boyle' }).waitFor();
  });

  it('moves through the queue with J and K and picks a candidate tab by number', async () => {
    const names = await review.itemNames();
    const selected = async (): Promise<string> => (await review.queue().getByRole('option', { selected: true }).getAttribute('aria-label')) ?? '';
    const start = await selected();
    const at = names.indexOf(start);
    await page.keyboard.press('j');
    await expect.poll(selected).toBe(names[at + 1]);
    await page.keyboard.press('k');
    await expect.poll(selected).toBe(start);
    await review.select(2);
    await page.keyboard.press('2');
    await expect(review.tab(/^Account · Northwind Traders/).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('1');
    await expect(review.tab(/^Contact · Ann Lee/).getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('creates one and skips one', async () => {
    await review.select(4);
    await review.action(/^Create new record/).click();
    await review.countsShow('6 to review', '1 create');
    await review.select(3);
    await page.keyboard.press('s');
    await review.countsShow('5 to review', '1 skip');
    await review.filter('Decided');
    const decided = await review.itemNames();
    expect(decided).toEqual(expect.arrayContaining([expect.stringMatching(/^Row 1:.*Merge → Contact/), expect.stringMatching(/^Row 4:.*Create/), expect.stringMatching(/^Row 3:.*Skip/)]));
    await review.select(1);
    await expect(review.decision().textContent()).resolves.toMatch(/Merge → Contact Pat Boyle \(chosen per field\)/);
    await expect(review.winner('Title', 'incoming').isChecked()).resolves.toBe(true);
    await review.filter('Open');
  });

  it('splits a wrong member out of the cluster, and undoes the split', async () => {
    await review.select(5);
    await review.tab(/In this file · 2 rows/).click();
    await review.action(/^Split row 6 out$/).click();
    await page.getByRole('status').filter({ hasText: 'Row 6 taken out of the cluster' }).waitFor();
    // Both rows of the pair are now on their own: still open, with nothing left to merge with.
    await expect.poll(async () => review.item(5).getAttribute('aria-label')).toMatch(/No duplicate left/);
    await expect.poll(async () => review.item(6).getAttribute('aria-label')).toMatch(/No duplicate left/);
    await review.select(6);
    await page.getByText(/No duplicate is left for this row/).waitFor();
    await app.screenshot('review-05a-split');
    await expect(review.action(/^Merge/).count()).resolves.toBe(0);
    await review.undo();
    await expect.poll(async () => review.item(5).getAttribute('aria-label')).toMatch(/Duplicate in this file/);
    await review.countsShow('5 to review');
  });

  it('merges the two Jordan Price rows into one, keeping the title of the other', async () => {
    await review.select(5);
    await review.tab(/In this file · 2 rows/).click();
    await review.survivor(6).check();
    await review.memberValue('Title', 5).check();
    await page.getByText(/Merging keeps row 6 and leaves row 5 out of the upload\. Row 6 takes Title from row 5/).waitFor();
    await app.screenshot('review-05-cluster');
    await review.action(/^Merge 2 rows into row 6/).click();
    await review.countsShow('1 merged into another row');
    await review.select(6);
    await review.tab(/In this file · 2 rows/).click();
    await page.getByText(/merged into this row\. This row itself still needs a decision/).waitFor();
  });

  it('bulk-accepts the rest above a score after reading how many rows it touches', async () => {
    const open = Number(/(\d+) to review/.exec((await review.counts().textContent()) ?? '')?.[1]);
    const text = await review.bulkPreviewAt(90);
    const rows = Number(/(\d+) rows? would be decided/.exec(text)?.[1]);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(open);
    await app.screenshot('review-06-bulk');
    await review.bulkDialog().getByRole('button', { name: `Accept ${rows} ${rows === 1 ? 'row' : 'rows'}` }).click();
    await review.bulkDialog().waitFor({ state: 'detached' });
    await review.countsShow(`${open - rows} to review`);
    await page.getByRole('status').filter({ hasText: `${rows} ${rows === 1 ? 'row' : 'rows'} accepted at 90% or more` }).waitFor();
  });

  it('undoes the bulk accept in one step and redoes it', async () => {
    const before = (await review.counts().textContent()) ?? '';
    await review.undo();
    await page.getByRole('status').filter({ hasText: 'Undone.' }).waitFor();
    await expect.poll(async () => review.counts().textContent()).not.toBe(before);
    const undone = (await review.counts().textContent()) ?? '';
    expect(undone).toMatch(/1 merge/);
    await review.redo();
    await expect.poll(async () => review.counts().textContent()).toBe(before);
    await review.undo();
    await expect.poll(async () => review.counts().textContent()).toBe(undone);
  });

  it('shows the decisions on the batch grid and counts them on the batch screen', async () => {
    await page.getByRole('button', { name: 'Back to batch' }).click();
    await imp.grid(FILE).waitFor();
    await gridShows(1, 'Review', 'Merge → Contact Pat Boyle');
    await gridShows(4, 'Review', 'Create');
    await gridShows(3, 'Review', 'Skip');
    await gridShows(5, 'Review', 'Merged into row 6');
    await gridShows(7, 'Review', '');
    // The surviving row took row 5's title as an edit of its own.
    await gridShows(6, 'Title', 'VP Sales');
    await page.getByRole('status', { name: 'Review counts' }).filter({ hasText: '1 merge' }).waitFor();
    await app.screenshot('review-07-batch-decisions');
  });

  it('keeps every decision after a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Preflight' }).waitFor();
    await imp.batchButton(FILE).click();
    await imp.grid(FILE).waitFor();
    await gridShows(1, 'Review', 'Merge → Contact Pat Boyle');
    await gridShows(3, 'Review', 'Skip');
    await review.sidebarEntry().click();
    await review.heading(FILE).waitFor();
    await review.countsShow('1 merge', '1 create', '1 skip', '1 merged into another row');
    await review.filter('Decided');
    await review.item(4).waitFor();
  });

  it('logged no errors in the page', () => {
    expect(win.consoleErrors).toEqual([]);
  });
});
