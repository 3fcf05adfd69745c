/**
 * The CSV parser thread: read, decode and tokenize, and post each batch with its offsets
 * transferred (not copied) to the loader thread.
 *
 * At most MAX_IN_FLIGHT batches wait unacknowledged, so a parser faster than the database
 * never piles the file up in memory.
 */
import type { MessagePort } from 'node:worker_threads';
import { toErrorInfo } from '../../../../shared/ipc/errors';
import { openCsvSource } from '../replica-load/csv-source';
import type { CsvParserStart, FromCsvParser, ToCsvParser } from './csv-thread-protocol';
import type { TokenBatch } from './csv-tokenizer';
import { createCsvReader } from './csv-byte-reader';
import { ParserValidator } from '../import/parser-validation';

/**
 * Batches (1 MiB of text each) posted and not yet acknowledged. Enough for the parser to run
 * on while the other thread commits and checkpoints (a stop of a tenth of a second every
 * 16 MB; with 4 the parser stalled behind each and a million-row import took a sixth longer),
 * and few enough to cap what waits in memory at about 32 MiB of text and offsets.
 */
const MAX_IN_FLIGHT = 32;

/** Runs the parser role until the input ends or fails. */
export async function runCsvParserThread(start: CsvParserStart, port: MessagePort): Promise<void> {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on('message', (msg: ToCsvParser) => {
    if (msg.type === 'ack') {
      inFlight -= 1;
      const w = wake;
      wake = null;
      w?.();
    }
  });
  const validator = start.validate ? new ParserValidator(start.validate) : null;
  const post = (batch: TokenBatch, position: number, total: number): void => {
    if (batch.rowCount === 0) {
      return;
    }
    // Before the offsets are transferred away.
    const issues = validator?.issuesOf(batch);
    const cells = batch.cells.buffer as ArrayBuffer;
    const rowStarts = batch.rowStarts.buffer as ArrayBuffer;
    const msg: FromCsvParser = { type: 'batch', text: batch.text, cells, rowStarts, rowCount: batch.rowCount, firstRow: batch.firstRow, position, total, issues };
    port.postMessage(msg, [cells, rowStarts]);
    inFlight += 1;
  };
  try {
    const source = await openCsvSource(start.file, start.kind, start.size);
    // The first row is the header, so error messages count rows from the one after it.
    const reader = createCsvReader(start.encoding ?? 'utf-8', start.delimiter, -1);
    for await (const chunk of source.stream as AsyncIterable<Buffer>) {
      post(reader.push(chunk), source.position(), source.total);
      while (inFlight >= MAX_IN_FLIGHT) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
    post(reader.end(), source.total, source.total);
    port.postMessage({ type: 'end', total: source.total } satisfies FromCsvParser);
  } catch (err) {
    port.postMessage({ type: 'error', error: toErrorInfo(err) } satisfies FromCsvParser);
  }
}
