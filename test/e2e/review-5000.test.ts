/**
 * The new-user check, in the window: 5,000 trade-show leads against a replica of
 * 20,000 Contacts — find duplicates with progress, then a queue of thousands that scrolls and
 * answers the keys like a short one (only a window of it is in the page), and a bulk accept
 * that says how many rows it touches before it touches them.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedCsv } from '../../bench/write-generated-csv';
import { openWindow, type OpenWindow } from '../helpers/open-window';
import { tempDir } from '../helpers/temp-dir';
import { ImportPage } from './pages/import-page';
import { PreflightPage } from './pages/preflight-page';
import { ReviewPage } from './pages/review-page';

const CONTACTS = 20_000;
const LEADS = 5_000;
/** Leads 0..3999 are Contacts 0..3999; 4900..4949 repeat 4850..4899 inside the file; the rest are new. */
const KNOWN = 4_000;
const FILE = 'trade-show-5000.csv';

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dev', 'Elif', 'Finn', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tala', 'Umar', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zoë', 'Aiko', 'Bruno', 'Carmen', 'Dmitri', 'Esme', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jade', 'Kai', 'Lior', 'Maya', 'Nils', 'Olga'];
const LAST = ['Abbott', 'Baker', 'Castro', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hughes', 'Ibrahim', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quaye', 'Rossi', 'Schmidt', 'Tanaka', 'Umarov', 'Varga', 'Walsh', 'Xu', 'Yilmaz', 'Zhang', 'Almeida', 'Brennan', 'Costa', 'Dahl', 'Ekström', 'Ferreira', 'Gallagher', 'Horvat', 'Ivanova', 'Jovanović', 'Keller', 'Lopez', 'Mensah', 'Novak', "O'Neill", 'Pereira', 'Quinlan', 'Reyes', 'Sato', 'Teixeira', 'Ueda', 'Vogel', 'Weber', 'Young', 'Zimmer', 'Andersen', 'Bauer', 'Chen', 'Dimitrov', 'Evans', 'Fontaine', 'Gruber', 'Haas', 'Iqbal', 'Juarez'];
const CITIES = ['London', 'Lyon', 'Porto', 'Oslo', 'Kraków', 'Osaka', 'Accra', 'Austin', 'Leeds', 'Turin'];

/** Contact i: 41 first names by 61 surnames (about eight people per name, as in a real CRM). */
function contactRow(i: number): string[] {
  const first = FIRST[i % FIRST.length] ?? '';
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? '';
  const email = `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}@example.com`;
  return [String(5550000000010000000n + BigInt(i)), first, last, email, `+44 20 ${String(7000 + (i % 3000))} ${String(i % 10000).padStart(4, '0')}`, CITIES[i % CITIES.length] ?? ''];
}

/** A made-up word of `n` letters that only `seed` gives (visitors' surnames and companies). */
function word(seed: number, n: number): string {
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  let x = (seed * 2654435761) % 4294967296;
  let out = '';
  for (let k = 0; k < n; k++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += k % 2 === 0 ? consonants[x % consonants.length] : vowels[x % vowels.length];
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function leadRow(i: number): string[] {
  if (i < KNOWN) {
    const [, first, last, email, phone, city] = contactRow(i);
    return [first ?? '', last ?? '', `${word(i + 90_000, 6)} Ltd`, email ?? '', phone ?? '', city ?? ''];
  }
  const n = i >= 4_900 && i < 4_950 ? i - 50 : i;
  const first = FIRST[n % FIRST.length] ?? '';
  const last = word(n, 8);
  return [first, last, `${word(n + 50_000, 6)} GmbH`, `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase()}@fresh.example`, `+1 303 555 ${String(n).padStart(4, '0')}`, CITIES[(n * 3) % CITIES.length] ?? ''];
}

let win: OpenWindow;
let page: Page;
let app: PreflightPage;
let imp: ImportPage;
let review: ReviewPage;
let files: { dir: string; cleanup: () => void };

beforeAll(async () => {
  files = tempDir();
  writeGeneratedCsv(path.join(files.dir, 'Contacts.csv'), ['id', 'First_Name', 'Last_Name', 'Email', 'Phone', 'Mailing_City'], CONTACTS, contactRow);
  writeGeneratedCsv(path.join(files.dir, FILE), ['First Name', 'Last Name', 'Company', 'Email', 'Phone', 'City'], LEADS, leadRow);
  win = await openWindow({ timeoutMs: 90_000 });
  page = win.page;
  app = new PreflightPage(page);
  imp = new ImportPage(page);
  review = new ReviewPage(page);
});

afterAll(async () => {
  await win?.close();
  files?.cleanup();
});

describe('5,000 leads against 20,000 contacts', () => {
  it('loads the replica and imports the leads', async () => {
    await app.openModule('Contacts');
    await app.loadExportWithPicker(path.join(files.dir, 'Contacts.csv'));
    await page.getByRole('status').filter({ hasText: 'Loaded 20,000 records' }).waitFor();
    await imp.importWithPicker(path.join(files.dir, FILE));
    await imp.chooseModule('Leads');
    await imp.importAll(FILE);
    await imp.countsShow('5,000 valid');
  });

  it('finds duplicates with a progress panel, then offers thousands of rows to review', async () => {
    await page.getByRole('button', { name: 'Find duplicates', exact: true }).click();
    await page.getByRole('region', { name: `Finding duplicates in ${FILE}` }).waitFor();
    await page.getByRole('region', { name: `Finding duplicates in ${FILE}` }).waitFor({ state: 'detached' });
    const button = await review.reviewButton().textContent();
    const open = Number(/\(([\d,]+) to review\)/.exec(button ?? '')?.[1]?.replace(/,/g, ''));
    // Every known lead, and the 100 rows of the 50 pairs inside the file.
    expect(open).toBeGreaterThanOrEqual(KNOWN + 100);
    expect(open).toBeLessThan(KNOWN + 300);
  });

  it('keeps only a window of the queue in the page and jumps to its end at once', async () => {
    await review.open(FILE);
    await review.queue().waitFor();
    await expect(review.queue().getByRole('option').count()).resolves.toBeLessThan(60);
    await review.queue().focus();
    await page.keyboard.press('End');
    const last = review.queue().getByRole('option', { selected: true });
    await last.waitFor();
    const name = (await last.getAttribute('aria-label')) ?? '';
    const row = Number(/^Row (\d+):/.exec(name)?.[1]);
    await review.pane(row).waitFor();
    await expect(review.queue().getByRole('option').count()).resolves.toBeLessThan(60);
    await page.keyboard.press('k');
    await expect.poll(async () => (await review.queue().getByRole('option', { selected: true }).getAttribute('aria-label')) ?? '').not.toBe(name);
    await page.keyboard.press('Home');
    await review.queue().getByRole('option', { selected: true }).filter({ hasText: /./ }).waitFor();
    await app.screenshot('review-5000-queue');
  });

  it('bulk-accepts the sure matches after showing how many, and the queue shrinks by as many', async () => {
    const before = Number(/([\d,]+) to review/.exec((await review.counts().textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    const text = await review.bulkPreviewAt(95);
    const rows = Number(/([\d,]+) rows? would be decided/.exec(text)?.[1]?.replace(/,/g, ''));
    expect(rows).toBeGreaterThanOrEqual(KNOWN);
    await review.bulkDialog().getByRole('button', { name: /^Accept [\d,]+ rows$/ }).click();
    await review.bulkDialog().waitFor({ state: 'detached' });
    await expect
      .poll(async () => Number(/([\d,]+) to review/.exec((await review.counts().textContent()) ?? '')?.[1]?.replace(/,/g, '')))
      .toBe(before - rows);
  });

  it('logged no errors in the page', () => {
    expect(win.consoleErrors).toEqual([]);
  });
});
