/**
 * What kind of file a user handed us, from its first bytes and its name (pure).
 */
import { AppError } from '../../../../shared/ipc/errors';

export type SourceKind = 'zip' | 'json' | 'csv';

/** Sniffs the kind; a name that promises one kind and bytes of another are refused. */
export function detectSourceKind(name: string, head: Uint8Array): SourceKind {
  const lower = name.toLowerCase();
  const isZipMagic =
    head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06);
  if (lower.endsWith('.zip') && !isZipMagic) {
    throw new AppError('NOT_A_ZIP', `${name} is named .zip but is not a ZIP archive.`);
  }
  if (isZipMagic) {
    return 'zip';
  }
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    i = 3;
  }
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) {
    i += 1;
  }
  if (i >= head.length) {
    throw new AppError('CSV_EMPTY', `${name} is empty.`);
  }
  const first = head[i];
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
    return 'json';
  }
  if (lower.endsWith('.json')) {
    throw new AppError('JSON_INVALID', `${name} is named .json but does not hold a JSON object.`);
  }
  if (head.some((b) => b === 0)) {
    throw new AppError('UNKNOWN_FORMAT', `${name} is a binary file, not a CSV, ZIP or JSON export.`);
  }
  return 'csv';
}
