/**
 * Reading a job-sized CSV (a result file, or one job's own CSV) whole: at most 25,000 rows, so
 * it fits in memory, and it is read off the main thread.
 */
import fs from 'node:fs';
import { AppError } from '../../../../shared/ipc/errors';
import { rowCells, isBlankRow } from '../csv/csv-batch-sink';
import { CsvTokenizer } from '../csv/csv-tokenizer';
import { detectSourceKind } from '../replica-load/detect-format';
import { openCsvSource } from '../replica-load/csv-source';

/** The rows of a CSV or a ZIP holding one CSV (header first; blank lines dropped). */
export async function readSmallCsv(file: string, name: string): Promise<{ rows: string[][]; kind: 'csv' | 'zip' }> {
  let size: number;
  const head = Buffer.alloc(4096);
  try {
    size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', `Cannot read ${name}: ${(err as Error).message}`);
  }
  const kind = detectSourceKind(name, head.subarray(0, Math.min(size, head.length)));
  if (kind === 'json') {
    throw new AppError('RESULT_NOT_RECOGNIZED', `${name} is JSON, not a Bulk Write result (a ZIP or CSV).`);
  }
  const source = await openCsvSource(file, kind, size);
  const chunks: Buffer[] = [];
  for await (const chunk of source.stream as AsyncIterable<Buffer>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  const batch = new CsvTokenizer(',').scanText(text, true).batch;
  const rows: string[][] = [];
  for (let r = 0; r < batch.rowCount; r += 1) {
    if (isBlankRow(batch, r)) continue;
    rows.push(rowCells(batch, r));
  }
  return { rows, kind };
}
