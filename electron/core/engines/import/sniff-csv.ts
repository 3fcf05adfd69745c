/**
 * Settling a file's encoding and delimiter from its first bytes (pure): detect both, then
 * let the user's explicit choices win.
 */
import { detectDelimiter } from './detect-delimiter';
import { detectEncoding } from './detect-encoding';
import type { CsvDelimiter, CsvEncoding, DelimiterChoice, DetectedFormat, EncodingChoice } from './import-types';

const BOMS: Record<CsvEncoding, readonly number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  'windows-1252': [],
};

/** The encoding and delimiter to use, and what detection said. */
export interface SniffResult {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  detected: DetectedFormat;
}

/**
 * Decodes the start of a file leniently (for looking, not for storing): a BOM of `encoding`
 * is dropped, and a character cut by the sample's end is left out unless `complete`.
 */
export function decodeSample(head: Uint8Array, encoding: CsvEncoding, complete: boolean): string {
  const bom = BOMS[encoding];
  const hasBom = bom.length > 0 && head.length >= bom.length && bom.every((b, i) => head[i] === b);
  // { stream: true } also keeps Node 20 off its Latin-1 shortcut for windows-1252.
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const text = decoder.decode(hasBom ? head.subarray(bom.length) : head, { stream: true });
  return complete ? text + decoder.decode() : text;
}

/** Detects what `choice` leaves to detection; `complete` says `head` is the whole file. */
export function sniffCsv(
  head: Uint8Array,
  complete: boolean,
  choice: { encoding: EncodingChoice; delimiter: DelimiterChoice },
): SniffResult {
  const enc = detectEncoding(head, complete);
  const encoding = choice.encoding === 'auto' ? enc.encoding : choice.encoding;
  const delim = detectDelimiter(decodeSample(head, encoding, complete), complete);
  return {
    encoding,
    delimiter: choice.delimiter === 'auto' ? delim.delimiter : choice.delimiter,
    detected: {
      encoding: enc.encoding,
      delimiter: delim.delimiter,
      encodingConfidence: enc.confidence,
      delimiterConfidence: delim.confidence,
    },
  };
}

/** Removes a byte order mark left at the start of the first header cell. */
export function stripBom(cell: string): string {
  return cell.charCodeAt(0) === 0xfeff ? cell.slice(1) : cell;
}
