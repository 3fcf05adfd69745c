/**
 * A first look at a CSV before importing it: encoding and delimiter (detected or chosen), the
 * header and the first rows, read from the file's first 256 KiB.
 */
import { AppError } from '../../../../shared/ipc/errors';
import { isBlankRow, rowCells } from '../csv/csv-batch-sink';
import { CsvTokenizer, type TokenBatch } from '../csv/csv-tokenizer';
import type { CsvPreview, DelimiterChoice, EncodingChoice, RaggedRow } from './import-types';
import { readFileHead } from './read-head';
import { decodeSample, sniffCsv, stripBom } from './sniff-csv';

const PREVIEW_BYTES = 256 * 1024;
const PREVIEW_ROWS = 50;
const MAX_RAGGED = 100;

/** Reads the start of `file` and shows it as the import would read it. */
export async function previewCsv(
  file: string,
  choice: { encoding: EncodingChoice; delimiter: DelimiterChoice },
): Promise<CsvPreview> {
  const { size, head } = readFileHead(file, PREVIEW_BYTES);
  return previewBytes(head, head.length >= size, choice);
}

/** The preview of `head`, the start of a file (all of it when `complete`) (pure). */
export function previewBytes(
  head: Uint8Array,
  complete: boolean,
  choice: { encoding: EncodingChoice; delimiter: DelimiterChoice },
): CsvPreview {
  const sniff = sniffCsv(head, complete, choice);
  // Decoded leniently: with a wrong encoding the user sees replacement characters and can
  // choose another one; the import itself refuses bytes that do not decode.
  const text = decodeSample(head, sniff.encoding, complete);
  const tokenizer = new CsvTokenizer(sniff.delimiter, -1);
  const batches: TokenBatch[] = [tokenizer.push(text)];
  if (complete) {
    batches.push(tokenizer.end());
  }
  let header: string[] | null = null;
  let headerRow = 0;
  const rows: string[][] = [];
  const raggedRows: RaggedRow[] = [];
  for (const batch of batches) {
    for (let r = 0; r < batch.rowCount; r += 1) {
      if (isBlankRow(batch, r)) {
        continue;
      }
      if (!header) {
        header = rowCells(batch, r);
        header[0] = stripBom(header[0] as string);
        if (header.length === 1 && header[0] === '') {
          throw new AppError('CSV_EMPTY', 'The file has no header row.');
        }
        headerRow = batch.firstRow + r;
        continue;
      }
      const fields = (batch.rowStarts[r + 1] as number) - (batch.rowStarts[r] as number);
      if (fields !== header.length && raggedRows.length < MAX_RAGGED) {
        raggedRows.push({ row: batch.firstRow + r - headerRow, fields });
      }
      if (rows.length < PREVIEW_ROWS) {
        rows.push(rowCells(batch, r));
      }
    }
  }
  if (!header) {
    if (!complete && head.length > 0) {
      throw new AppError('CSV_MALFORMED', 'The header row does not end within the first 256 KiB of the file.');
    }
    throw new AppError('CSV_EMPTY', 'The file is empty.');
  }
  return { encoding: sniff.encoding, delimiter: sniff.delimiter, detected: sniff.detected, header, rows, raggedRows };
}
