/**
 * Opening the byte stream of a CSV export, plain or inside a Bulk Read ZIP.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { DEFAULT_MAX_RATIO, openEntryStream, openZip, selectSingleCsv } from '../zip/zip-reader';

export interface CsvSource {
  stream: Readable;
  /** Bytes consumed so far (inflated bytes for a ZIP), for progress. */
  position(): number;
  total: number;
}

/** Opens `file` (a CSV, or a ZIP holding exactly one CSV) as a byte stream. */
export async function openCsvSource(file: string, kind: 'csv' | 'zip', size: number): Promise<CsvSource> {
  if (kind === 'zip') {
    const archive = await openZip(file);
    const entry = selectSingleCsv(archive);
    const stream = openEntryStream(entry, { maxRatio: DEFAULT_MAX_RATIO });
    let inflated = 0;
    stream.on('data', (b: Buffer | string) => {
      inflated += typeof b === 'string' ? Buffer.byteLength(b) : b.length;
    });
    return { stream, position: () => inflated, total: entry.uncompressedSize };
  }
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  return { stream, position: () => stream.bytesRead, total: size };
}
