/**
 * Parsing a CSV in a second thread while this one uses the rows.
 *
 * Tokenizing and writing to SQLite each take a large share of a load; on two threads they
 * overlap. A batch crosses as one string plus two transferred offset buffers, so handing a
 * million rows over costs about one copy of the text.
 */
import { Worker } from 'node:worker_threads';
import type { Issue } from '../../../../shared/domain/batch';
import { AppError } from '../../../../shared/ipc/errors';
import { CsvBatchSink, type CsvBatchHandlers, type CsvBatchSinkOptions } from './csv-batch-sink';
import type { CsvParserStart, FromCsvParser } from './csv-thread-protocol';

export interface ThreadedProgress {
  /** Called after each batch with bytes consumed and total. */
  onProgress(position: number, total: number): void;
  /** Called after each batch with the issues the parser found in it (with `start.validate`). */
  onIssues?(issues: Issue[]): void;
}

/** Parses `start.file` in a worker running `workerPath`; resolves once every batch is handled. */
export function parseCsvInThread(
  workerPath: string,
  start: Omit<CsvParserStart, 'role'>,
  handlers: CsvBatchHandlers & ThreadedProgress,
  options: CsvBatchSinkOptions = {},
): Promise<{ total: number }> {
  const worker = new Worker(workerPath, { workerData: { role: 'csv-parser', ...start } satisfies CsvParserStart });
  const sink = new CsvBatchSink(handlers, options);
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void): void => {
      if (!done) {
        done = true;
        void worker.terminate();
        fn();
      }
    };
    worker.on('message', (msg: FromCsvParser) => {
      if (done) {
        return;
      }
      try {
        if (msg.type === 'batch') {
          sink.accept({
            text: msg.text,
            cells: new Int32Array(msg.cells),
            rowStarts: new Int32Array(msg.rowStarts),
            rowCount: msg.rowCount,
            firstRow: msg.firstRow,
          });
          if (msg.issues && msg.issues.length > 0) handlers.onIssues?.(msg.issues);
          handlers.onProgress(msg.position, msg.total);
          // Acked at once: deferring the ack a turn of the event loop cost a fifth of the load
          // time. Cancel does not need the loop to turn; it is a shared flag read per batch.
          worker.postMessage({ type: 'ack' });
        } else if (msg.type === 'end') {
          sink.finish();
          finish(() => resolve({ total: msg.total }));
        } else {
          finish(() => reject(new AppError(msg.error.code, msg.error.message)));
        }
      } catch (err) {
        finish(() => reject(err));
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new AppError('INTERNAL', `The CSV parser stopped unexpectedly (exit ${code}).`))));
  });
}
