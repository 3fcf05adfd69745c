/**
 * Reading a users file from disk (IO): JSON or CSV by its bytes, within a size cap, then the
 * pure parser. The file is only ever read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/ipc/errors';
import { isBlankRow, rowCells } from '../csv/csv-batch-sink';
import { createCsvReader } from '../csv/csv-byte-reader';
import type { TokenBatch } from '../csv/csv-tokenizer';
import { readFileHead } from '../import/read-head';
import { sniffCsv, stripBom } from '../import/sniff-csv';
import { detectSourceKind } from '../replica-load/detect-format';
import { parseUsersCsv, parseUsersResponse, type ParsedUsers } from './parse-users';

/**
 * Far above any org's users (a Users API page holds at most 200 users, about 0.5 MB), and
 * small enough to read whole without a memory spike.
 */
export const MAX_USERS_FILE_BYTES = 32 * 1024 * 1024;

/** Reads and parses the users file at `file`; `name` is how the user knows it. */
export function readUsersFile(file: string, name: string): ParsedUsers {
  const { size, head } = readFileHead(file, 4096);
  if (size > MAX_USERS_FILE_BYTES) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `${name} is ${(size / 1024 / 1024).toFixed(0)} MB, far more than a users file holds (at most ${MAX_USERS_FILE_BYTES / 1024 / 1024} MB); is it a records export? Load it into its module instead.`,
    );
  }
  const kind = detectSourceKind(name, head);
  if (kind === 'zip') {
    throw new AppError('UNKNOWN_FORMAT', `${name} is a ZIP archive. Users come as the saved Users API response (JSON) or a users CSV; unpack the CSV first.`);
  }
  const bytes = readAll(file, name);
  return kind === 'json' ? parseJson(bytes, name) : parseCsv(bytes, name);
}

function readAll(file: string, name: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `Cannot read ${name}: ${(err as Error).message}`);
  }
}

function parseJson(bytes: Buffer, name: string): ParsedUsers {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('ENCODING_MISMATCH', `${name} is not UTF-8 text, as a saved API response is.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('JSON_INVALID', `${name} is not valid JSON (${(err as Error).message}).`);
  }
  return parseUsersResponse(json);
}

function parseCsv(bytes: Buffer, name: string): ParsedUsers {
  const sniff = sniffCsv(bytes.subarray(0, 64 * 1024), bytes.length <= 64 * 1024, { encoding: 'auto', delimiter: 'auto' });
  const reader = createCsvReader(sniff.encoding, sniff.delimiter, -1);
  const batches: TokenBatch[] = [reader.push(bytes), reader.end()];
  let header: string[] | null = null;
  const rows: { row: number; cells: string[] }[] = [];
  let dataRow = 0;
  for (const batch of batches) {
    for (let r = 0; r < batch.rowCount; r += 1) {
      const blank = isBlankRow(batch, r);
      if (header === null) {
        if (blank) continue;
        const cells = rowCells(batch, r);
        header = [stripBom(cells[0] ?? ''), ...cells.slice(1)];
        continue;
      }
      // Blank lines keep their number, as in an import, so rejected rows point at the file.
      dataRow += 1;
      if (!blank) rows.push({ row: dataRow, cells: rowCells(batch, r) });
    }
  }
  if (header === null) {
    throw new AppError('CSV_EMPTY', `${path.basename(name)} is empty.`);
  }
  return parseUsersCsv(header, rows);
}
