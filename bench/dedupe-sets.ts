/**
 * The ground-truth data sets of the duplicate benchmark, made ready for the product: quirks of
 * the files normalised, a mapping template and field metadata per set, and who is who.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export interface PreparedSet {
  name: string;
  label: string;
  kind: 'person' | 'business';
  module: string;
  batchFile: string;
  template: string;
  /** Module -> Fields API JSON to load first (custom fields the mapping uses). */
  metadata: [string, string][];
  replica: { module: string; file: string } | null;
  /** Two files (a replica and a batch) rather than one. */
  linkage: boolean;
  /** Batch row number -> entity. */
  rowEntity: Map<number, string>;
  /** Replica record id -> entity (linkage sets). */
  replicaEntity: Map<string, string>;
  /** Rows with at least one true match (another row, or a replica record). */
  positives: number;
  /** True pairs among the batch's rows (one-file sets). */
  truePairs: number;
}

/** Reads a CSV whose fields are separated by `", "` and may be wrapped in `"` or `'`. */
function readLoose(file: string): Record<string, string>[] {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const split = (l: string): string[] => l.split(/,\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.trim().replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1').trim());
  const header = split(lines[0] as string);
  return lines.slice(1).map((l) => {
    const cells = split(l);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function readCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

function writeCsv(file: string, header: string[], rows: Record<string, string>[]): void {
  fs.writeFileSync(file, Papa.unparse({ fields: header, data: rows.map((r) => header.map((h) => r[h] ?? '')) }, { newline: '\n' }));
}

function customField(apiName: string, label: string): Record<string, unknown> {
  return {
    api_name: apiName, field_label: label, display_label: label, data_type: 'text', length: 255, decimal_place: null,
    system_mandatory: false, read_only: false, field_read_only: false, custom_field: true, unique: {}, convert_mapping: { Contacts: null, Accounts: null, Deals: null },
  };
}

/** The standard Fields API file of a module (from resources/zoho). */
export function loadStandardMetadataJson(module: string): { fields: Record<string, unknown>[] } {
  return JSON.parse(fs.readFileSync(path.join(process.cwd(), 'resources', 'zoho', `${module}.json`), 'utf8')) as { fields: Record<string, unknown>[] };
}

function counts(rowEntity: Map<number, string>): { positives: number; truePairs: number } {
  const n = new Map<string, number>();
  for (const e of rowEntity.values()) n.set(e, (n.get(e) ?? 0) + 1);
  let positives = 0;
  let truePairs = 0;
  for (const e of rowEntity.values()) if ((n.get(e) ?? 0) > 1) positives += 1;
  for (const c of n.values()) truePairs += (c * (c - 1)) / 2;
  return { positives, truePairs };
}

/** Writes every set's files under `tmp` and returns what the bench needs to run and score it. */
export function prepareSets(data: string, tmp: string): PreparedSet[] {
  const out: PreparedSet[] = [];
  const contactsMeta = path.join(tmp, 'contacts-fields.json');
  const std = loadStandardMetadataJson('Contacts');
  fs.writeFileSync(contactsMeta, JSON.stringify({ fields: [...std.fields, customField('Social_Security_No', 'Social Security No'), customField('Address_Line_2', 'Address Line 2')] }));

  const febrlTemplate = path.join(tmp, 'febrl.template.json');
  fs.writeFileSync(
    febrlTemplate,
    JSON.stringify({
      module: 'Contacts',
      columns: {
        given_name: 'First_Name',
        surname: 'Last_Name',
        street_number: { field: 'Mailing_Street', join: ['address_1'], joinWith: ' ' },
        address_2: 'Address_Line_2',
        suburb: 'Mailing_City',
        postcode: 'Mailing_Zip',
        state: 'Mailing_State',
        date_of_birth: { field: 'Date_of_Birth', transforms: [{ kind: 'date', order: 'ymd' }] },
        soc_sec_id: 'Social_Security_No',
      },
    }),
  );
  for (const n of [1, 2, 3]) {
    const rows = readLoose(path.join(data, 'febrl', `dataset${n}.csv`));
    const file = path.join(tmp, `febrl${n}.csv`);
    const header = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id'];
    writeCsv(file, header, rows);
    const rowEntity = new Map(rows.map((r, i) => [i + 1, /^rec-(\d+)-/.exec(r.rec_id ?? '')?.[1] ?? `?${i}`]));
    out.push({ name: `febrl${n}`, label: `FEBRL ${n} (dataset${n}.csv)`, kind: 'person', module: 'Contacts', batchFile: file, template: febrlTemplate, metadata: [['Contacts', contactsMeta]], replica: null, linkage: false, rowEntity, replicaEntity: new Map(), ...counts(rowEntity) });
  }

  const splinkTemplate = path.join(tmp, 'splink.template.json');
  fs.writeFileSync(splinkTemplate, JSON.stringify({ module: 'Contacts', columns: { first_name: 'First_Name', surname: 'Last_Name', dob: 'Date_of_Birth', city: 'Mailing_City', email: 'Email' } }));
  for (const [name, file, label] of [
    ['fake_1000', 'fake_1000.csv', 'Splink fake_1000'],
    ['fake_20000', 'fake_20000_from_splink_demos.csv', 'Splink fake_20000'],
  ] as const) {
    const source = path.join(data, 'splink-synthetic-people', file);
    const rows = readCsv(source);
    const rowEntity = new Map(rows.map((r, i) => [i + 1, r.cluster ?? `?${i}`]));
    out.push({ name, label, kind: 'person', module: 'Contacts', batchFile: source, template: splinkTemplate, metadata: [], replica: null, linkage: false, rowEntity, replicaEntity: new Map(), ...counts(rowEntity) });
  }

  const restTemplate = path.join(tmp, 'restaurants.template.json');
  fs.writeFileSync(restTemplate, JSON.stringify({ module: 'Accounts', columns: { name: 'Account_Name', address: 'Billing_Street', city: 'Billing_City', cuisine: 'Industry' } }));
  const r1 = readLoose(path.join(data, 'dedupe-restaurants', 'restaurant-1.csv'));
  const r2 = readLoose(path.join(data, 'dedupe-restaurants', 'restaurant-2.csv'));
  const batchFile = path.join(tmp, 'restaurant-1.csv');
  writeCsv(batchFile, ['name', 'address', 'city', 'cuisine'], r1);
  const replicaFile = path.join(tmp, 'restaurant-2.bulk-read.csv');
  const replicaRows = r2.map((r, i) => ({ id: String(9_000_000_000_000_000_000n + BigInt(i + 1)), Account_Name: r.name ?? '', Billing_Street: r.address ?? '', Billing_City: r.city ?? '', Industry: r.cuisine ?? '', entity: r.unique_id ?? '' }));
  writeCsv(replicaFile, ['id', 'Account_Name', 'Billing_Street', 'Billing_City', 'Industry'], replicaRows);
  const replicaEntity = new Map(replicaRows.map((r) => [r.id, r.entity]));
  const rowEntity = new Map(r1.map((r, i) => [i + 1, r.unique_id ?? `?${i}`]));
  const inReplica = new Set(replicaEntity.values());
  out.push({
    name: 'restaurants',
    label: 'Restaurants (restaurant-1 vs restaurant-2 as Accounts)',
    kind: 'business',
    module: 'Accounts',
    batchFile,
    template: restTemplate,
    metadata: [],
    replica: { module: 'Accounts', file: replicaFile },
    linkage: true,
    rowEntity,
    replicaEntity,
    positives: [...rowEntity.values()].filter((e) => inReplica.has(e)).length,
    truePairs: 0,
  });
  return out;
}
