/**
 * Reading a Bulk Write result file (pure): the first three mapped columns of the upload, then
 * STATUS, RECORD_ID and ERRORS (ZOHO-SPEC §1.9).
 *
 * The exact STATUS spellings are not confirmed by any sample we could find, so ADDED, UPDATED,
 * SKIPPED and UNPROCESSED are accepted in any case (plus INSERTED/CREATED for added, FAILED
 * for skipped); anything else is refused rather than guessed.
 */
import { AppError } from '../../../../shared/ipc/errors';

export type ResultStatus = 'added' | 'updated' | 'skipped' | 'unprocessed';

/** One parsed error of a row: Zoho's code and the columns it names. */
export interface ResultError {
  code: string;
  columns: string[];
}

/** Where the result's columns are. */
export interface ResultLayout {
  /** The echoed upload columns (at most three), in order. */
  keys: string[];
  status: number;
  recordId: number;
  errors: number;
}

const STATUS_WORDS: Record<string, ResultStatus> = {
  ADDED: 'added',
  INSERTED: 'added',
  CREATED: 'added',
  UPDATED: 'updated',
  SKIPPED: 'skipped',
  FAILED: 'skipped',
  UNPROCESSED: 'unprocessed',
  NOT_PROCESSED: 'unprocessed',
};

/** Finds STATUS, RECORD_ID and ERRORS; the columns before STATUS are the echoed keys. */
export function resultLayout(header: readonly string[]): ResultLayout {
  const find = (name: string): number => header.findIndex((h) => h.trim().toUpperCase() === name);
  const status = find('STATUS');
  const recordId = find('RECORD_ID');
  const errors = find('ERRORS');
  if (status < 0 || recordId < 0 || errors < 0) {
    throw new AppError(
      'RESULT_NOT_RECOGNIZED',
      'This is not a Bulk Write result file: it needs the columns STATUS, RECORD_ID and ERRORS after the first three columns of the upload.',
    );
  }
  return { keys: header.slice(0, status).map((h) => h.trim()), status, recordId, errors };
}

/** A STATUS cell as one of our four states, or null when it is none of the known spellings. */
export function parseStatus(cell: string): ResultStatus | null {
  return STATUS_WORDS[cell.trim().toUpperCase().replace(/[\s-]+/g, '_')] ?? null;
}

/**
 * An ERRORS cell: `CODE-col,col:CODE-col`. A code without columns (`LIMIT_EXCEEDED`) keeps an
 * empty column list; column names never contain `:`, so splitting on it is safe.
 */
export function parseErrors(cell: string): ResultError[] {
  const out: ResultError[] = [];
  for (const part of cell.split(':')) {
    const p = part.trim();
    if (p === '') continue;
    const dash = p.indexOf('-');
    if (dash < 0) {
      out.push({ code: p, columns: [] });
      continue;
    }
    const columns = p
      .slice(dash + 1)
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    out.push({ code: p.slice(0, dash).trim(), columns });
  }
  return out;
}

/** The ERRORS notation back from parsed errors (for the retry list and messages). */
export function formatErrors(errors: readonly ResultError[]): string {
  return errors.map((e) => (e.columns.length > 0 ? `${e.code}-${e.columns.join(',')}` : e.code)).join(':');
}
