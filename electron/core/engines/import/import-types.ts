/**
 * Shapes of a CSV import: what the user chose, what was detected, what a preview and an
 * import job return. (Candidates for shared/ once the import channels join the IPC contract.)
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { CsvDelimiter, DelimiterGuess } from './detect-delimiter';
import type { CsvEncoding, EncodingGuess } from './detect-encoding';

export type { CsvDelimiter } from './detect-delimiter';
export type { CsvEncoding } from './detect-encoding';

/** The user's choice of encoding: detect it, or use this one. */
export type EncodingChoice = 'auto' | CsvEncoding;

/** The user's choice of delimiter: detect it, or use this one. */
export type DelimiterChoice = 'auto' | CsvDelimiter;

/** What detection found, whatever was finally used. */
export interface DetectedFormat {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  encodingConfidence: EncodingGuess['confidence'];
  delimiterConfidence: DelimiterGuess['confidence'];
}

/** A data row whose field count differs from the header's. */
export interface RaggedRow {
  /** 1-based data row number (the header is not counted; blank lines are). */
  row: number;
  fields: number;
}

/** The first rows of a file as they would be imported. */
export interface CsvPreview {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  detected: DetectedFormat;
  /** Header cells as in the file (a BOM removed), duplicates and empty names included. */
  header: string[];
  /** The first data rows (blank lines skipped), cells verbatim. */
  rows: string[][];
  /** Ragged rows among the rows the preview read. */
  raggedRows: RaggedRow[];
}

/** Everything a worker needs to import one CSV into a new batch. */
export interface BatchImportJob {
  dbPath: string;
  nativeBinding?: string;
  /** The bundled worker script; the importer starts a second copy of it to parse. */
  workerPath: string;
  filePath: string;
  /** The name the user knows the file by (an upload keeps its original name). */
  sourceName: string;
  sourceSize: number;
  module: string;
  encoding: EncodingChoice;
  delimiter: DelimiterChoice;
  now: string;
  /**
   * Validate rows as they are stored, with this mapping, if the file's header turns out to be
   * `header` (the core read it in advance to choose the mapping). Otherwise the batch is
   * stored unmapped and `validated` is false.
   */
  validate?: { header: string[]; mappingJson: string; fields: FieldMeta[] };
}

/** What an import stored. */
export interface BatchImportResult {
  batchId: number;
  /** Rows stored (blank lines are not rows). */
  rows: number;
  /** The first ragged rows. */
  raggedRows: RaggedRow[];
  raggedCount: number;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  header: string[];
  /** True when the rows were validated with `job.validate`'s mapping as they were stored. */
  validated: boolean;
}
