/**
 * Turning the data rows of a tokenized batch into replica records (shared by both CSV load
 * paths: the binder thread's chunks and the direct load into a filled module).
 */
import type { Res } from '../../../../shared/ipc/contract';
import { AppError } from '../../../../shared/ipc/errors';
import { cellText, type TokenBatch } from '../csv/csv-tokenizer';
import type { HeaderPlan, HeaderStyle } from './header-plan';

/** Where records go: an id and one value per planned column (null for an empty cell). */
export interface RecordSink {
  add(id: string, values: ReadonlyArray<string | null>): void;
}

/** Counts kept while rows become records. */
export interface RecordTally {
  loaded: number;
}

/**
 * Adds the data rows of one batch to `sink`; row r is data row `rowOffset + r + 1`. Blank lines
 * are skipped, a row without an id is passed to `reject`, and a row whose width is not the
 * header's stops the load with CSV_MALFORMED. `values` is a reusable array.
 */
export function addRecords(
  batch: TokenBatch,
  rowOffset: number,
  plan: HeaderPlan,
  headerWidth: number,
  values: (string | null)[],
  sink: RecordSink,
  tally: RecordTally,
  reject: (row: number, reason: string) => void,
): void {
  const width = plan.columns.length;
  values.length = width;
  const indexes = plan.columns.map((c) => c.index);
  const { rowStarts, cells } = batch;
  for (let r = 0; r < batch.rowCount; r += 1) {
    const rowNo = rowOffset + r + 1;
    const first = rowStarts[r] as number;
    const count = (rowStarts[r + 1] as number) - first;
    if (count !== headerWidth) {
      if (count === 1 && cells[2 * first] === cells[2 * first + 1]) {
        continue; // a blank line
      }
      throw new AppError('CSV_MALFORMED', `Row ${rowNo} has ${count} fields but the header has ${headerWidth}. Nothing was loaded.`);
    }
    const id = cellText(batch, first + plan.idIndex).trim();
    if (id === '') {
      reject(rowNo, 'no record id');
      continue;
    }
    for (let c = 0; c < width; c += 1) {
      const cell = first + (indexes[c] as number);
      values[c] = cells[2 * cell] === cells[2 * cell + 1] ? null : cellText(batch, cell);
    }
    sink.add(id, values);
    tally.loaded += 1;
  }
}

/** The format a CSV load reports, from its container and its header style. */
export function csvFormat(kind: 'csv' | 'zip', style: HeaderStyle): Res<'replica.load'>['format'] {
  const ui = style === 'label';
  return kind === 'zip' ? (ui ? 'ui-export-zip' : 'bulk-read-zip') : ui ? 'ui-export-csv' : 'bulk-read-csv';
}
