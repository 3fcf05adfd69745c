/**
 * Feeding UTF-8 bytes to the tokenizer without ever building a concatenated string.
 *
 * The unfinished last row of a chunk is kept as bytes and prepended to the next chunk's
 * bytes before decoding, so the tokenizer always scans a freshly decoded, flat string; a
 * string built by `+` is scanned at half the speed (bench/RESULTS.md).
 */
import { CsvTokenizer, type TokenBatch } from './csv-tokenizer';

/** Index just past the last complete UTF-8 sequence in `bytes`. */
export function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  // Walk back over at most three continuation bytes to the lead byte of the last sequence.
  for (let back = 1; back <= 4 && back <= n; back += 1) {
    const b = bytes[n - back] as number;
    if ((b & 0xc0) === 0x80) {
      continue; // continuation byte
    }
    const need = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 1;
    return need <= back ? n : n - back;
  }
  return n;
}

/** Tokenizes a UTF-8 byte stream chunk by chunk. */
export class Utf8CsvReader {
  private readonly tokenizer: CsvTokenizer;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private carry: Uint8Array = new Uint8Array(0);
  private first = true;

  constructor(delimiter = ',', rowLabelOffset = 0) {
    this.tokenizer = new CsvTokenizer(delimiter, rowLabelOffset);
  }

  /** Tokenizes the complete rows that `chunk` finishes. */
  push(chunk: Uint8Array): TokenBatch {
    let bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (this.first && bytes.length >= 3) {
      this.first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3); // a UTF-8 byte order mark is not data
      }
    }
    const usable = completeUtf8Length(bytes);
    const text = this.decoder.decode(bytes.subarray(0, usable));
    const { batch, consumed } = this.tokenizer.scanText(text, false);
    const leftChars = text.length - consumed;
    const leftBytes = leftChars === 0 ? 0 : Buffer.byteLength(text.slice(consumed), 'utf8');
    // Copy the leftover so the big chunk it came from can be freed.
    this.carry = Uint8Array.prototype.slice.call(bytes, usable - leftBytes);
    return batch;
  }

  /** Tokenizes whatever is left at the end of the stream. */
  end(): TokenBatch {
    let bytes = this.carry;
    if (this.first && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
    }
    this.carry = new Uint8Array(0);
    return this.tokenizer.scanText(this.decoder.decode(bytes), true).batch;
  }
}
