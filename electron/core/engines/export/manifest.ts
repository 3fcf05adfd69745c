/**
 * The export folder's manifest, its summary CSV and README (pure).
 */
import { humanLine } from './upload-csv';
import { FILE_ID_PLACEHOLDER, type ApiVersion, type Operation } from './job-json';

/** Bulk Write charges this many API credits per scheduled job (ZOHO-SPEC §1.1). */
export const CREDITS_PER_JOB = 500;

/** Upload order: parents before the records that look them up; other modules after. */
export const MODULE_ORDER = ['Accounts', 'Contacts', 'Deals', 'Products', 'Quotes', 'Sales_Orders', 'Invoices'];

/** Rank of a module in the upload order (unknown modules after the listed ones, by name). */
export function moduleRank(module: string): number {
  const i = MODULE_ORDER.indexOf(module);
  return i >= 0 ? i : MODULE_ORDER.length;
}

/** One job as the manifest lists it. */
export interface ManifestJob {
  job: number;
  module: string;
  operation: Operation;
  stage: number;
  batch: number;
  zip: string;
  job_file: string;
  csv: string;
  rows: number;
  first_row: number;
  last_row: number;
  /** Source row numbers of the job's rows, in file order, as inclusive runs. */
  row_ranges: [number, number][];
  columns: string[];
  find_by: string | null;
  /** Jobs whose results must be in Zoho before this one is uploaded. */
  after_jobs: number[];
  zip_bytes: number;
  sha256: string;
  csv_sha256: string;
}

/** Rows of a batch that are not in any job, by reason. */
export interface ManifestBatch {
  batch: number;
  module: string;
  source: string;
  rows: number;
  exported: number;
  left_out: Record<string, number>;
  columns_left_out: { field: string; reason: string }[];
}

/** The whole manifest.json. */
export interface Manifest {
  format: 'preflight-bulk-write-export';
  version: 1;
  export: number;
  created_at: string;
  api_version: ApiVersion;
  operation: Operation;
  jobs: ManifestJob[];
  batches: ManifestBatch[];
  api_credits: number;
}

/** The manifest as written: two-space indent, final newline. */
export function manifestText(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** manifest.csv: one line per job, for a spreadsheet. */
export function manifestSummaryCsv(m: Manifest): string {
  let out = humanLine(['job', 'stage', 'module', 'operation', 'zip', 'job file', 'rows', 'first row', 'last row', 'upload after jobs', 'sha256']);
  for (const j of m.jobs) {
    out += humanLine([String(j.job), String(j.stage), j.module, j.operation, j.zip, j.job_file, String(j.rows), String(j.first_row), String(j.last_row), j.after_jobs.join(' '), j.sha256]);
  }
  return out;
}

/** README.txt: what is in the folder and how to upload it. */
export function readmeText(m: Manifest): string {
  const lines = [
    `Preflight export ${m.export} — Zoho CRM Bulk Write, API ${m.api_version}, ${m.created_at}`,
    '',
    `${m.jobs.length} job(s), ${m.jobs.reduce((n, j) => n + j.rows, 0)} record(s); uploading costs ${m.api_credits} API credits (${CREDITS_PER_JOB} per job).`,
    'Upload the jobs in this order (manifest.json lists them the same way):',
    '',
  ];
  for (const j of m.jobs) {
    const after = j.after_jobs.length > 0 ? ` — only after job(s) ${j.after_jobs.join(', ')} completed` : '';
    lines.push(`  ${String(j.job).padStart(2, ' ')}. ${j.zip}  (${j.module}, ${j.operation}, ${j.rows} rows, stage ${j.stage})${after}`);
  }
  const version = m.api_version === 'v8' ? 'v8' : 'v2';
  lines.push(
    '',
    'For each job:',
    `  1. Upload the ZIP: POST https://content.zohoapis.com/crm/${version}/upload as multipart form-data`,
    '     with the file in a part named "file" and the headers',
    '       feature: bulk-write',
    '       X-CRM-ORG: <your org id (zgid)>',
    '       Authorization: Zoho-oauthtoken <token>',
    '     The answer holds details.file_id.',
    `  2. Open the job's JSON file (same name as the ZIP, .json) and replace ${FILE_ID_PLACEHOLDER}`,
    '     with that file_id. Change nothing else: the field indexes match the CSV in the ZIP.',
    `  3. Create the job: POST {api-domain}/crm/bulk/${version}/write with that JSON as the body.`,
    '  4. Wait until the job is COMPLETED (GET .../write/{job_id}, or the callback), then download',
    '     the result ZIP from its download_url.',
    '  5. Load the result back: in Preflight, Export > "Load result file…", or',
    '       preflight results load RESULT.zip',
    '     New record ids go into the replica, refused rows come back with Zoho\'s codes, and',
    '     "Build retry batch" makes a batch of the refused rows to fix and export again.',
    '',
    'Keep this folder until the results are loaded: Preflight joins each result to the rows of',
    'its job by reading the job\'s own CSV here (checked against the SHA-256 in manifest.json).',
    '',
  );
  const waiting = m.batches.filter((b) => (b.left_out['waits for stage 1'] ?? 0) > 0);
  for (const b of waiting) {
    lines.push(`Batch ${b.batch}: ${b.left_out['waits for stage 1']} row(s) look up records that stage 1 creates and that have no unique field to find them by;`, '  load the stage 1 results, then export that batch again to write them with the new ids.', '');
  }
  return lines.join('\r\n');
}

/** Compresses sorted row numbers into inclusive runs. */
export function toRanges(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/** The row number at `position` (0-based) of a job whose rows are `ranges`, or null past the end. */
export function rowAt(ranges: readonly [number, number][], position: number): number | null {
  let left = position;
  for (const [a, b] of ranges) {
    const n = b - a + 1;
    if (left < n) return a + left;
    left -= n;
  }
  return null;
}
