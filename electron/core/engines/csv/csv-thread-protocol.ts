/**
 * Messages between a loader thread and the CSV parser thread it starts.
 */
import type { ErrorInfo } from '../../../../shared/ipc/errors';
import type { Issue } from '../../../../shared/domain/batch';
import type { ParserValidation } from '../import/parser-validation';
import type { CsvEncoding } from './csv-byte-reader';

/** `workerData` that makes the worker bundle run as a CSV parser. */
export interface CsvParserStart {
  role: 'csv-parser';
  file: string;
  kind: 'csv' | 'zip';
  size: number;
  delimiter: string;
  /** Text encoding of the bytes; UTF-8 when absent (Zoho's exports always are). */
  encoding?: CsvEncoding;
  /** Check each data row against this mapping and post its issues with its batch. */
  validate?: ParserValidation;
}

export type FromCsvParser =
  | {
      type: 'batch';
      text: string;
      /** Transferred buffers of the batch's Int32Arrays (cells, rowStarts). */
      cells: ArrayBuffer;
      rowStarts: ArrayBuffer;
      rowCount: number;
      firstRow: number;
      position: number;
      total: number;
      /** The issues of the batch's data rows, when the parser validates. */
      issues?: Issue[];
    }
  | { type: 'end'; total: number }
  | { type: 'error'; error: ErrorInfo };

export type ToCsvParser = { type: 'ack' };

/** Type guard for the parser role's workerData. */
export function isCsvParserStart(data: unknown): data is CsvParserStart {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'csv-parser';
}
