/**
 * Feeding the bytes of a CSV in any supported encoding to the tokenizer, chunk by chunk,
 * without ever building a concatenated string.
 *
 * The unfinished last row of a chunk is kept as bytes and prepended to the next chunk's bytes
 * before decoding, so the tokenizer always scans a freshly decoded, flat string; a string built
 * by `+` is scanned at half the speed (bench/RESULTS.md). Only whole characters are decoded, so
 * each decode is self-contained and the leftover's byte length follows from its text.
 *
 * Decoding is fatal: a byte sequence that is not valid in the chosen encoding stops the read
 * with ENCODING_MISMATCH instead of becoming U+FFFD, because a replaced character is a changed
 * source value (and would also throw the leftover's byte count off).
 */
import { AppError } from '../../../../shared/ipc/errors';
import { checkUtf8, type CsvEncoding } from '../import/detect-encoding';
import { CsvTokenizer, type TokenBatch } from './csv-tokenizer';

export type { CsvEncoding } from '../import/detect-encoding';

/** Reads a byte stream into batches of complete rows: `push` chunks, then `end`. */
export interface CsvByteReader {
  push(chunk: Uint8Array): TokenBatch;
  end(): TokenBatch;
}

/** How one encoding turns bytes into text. */
interface Codec {
  encoding: CsvEncoding;
  label: string;
  bom: readonly number[];
  /** Decodes bytes that hold only whole characters; throws on invalid input. */
  decode(bytes: Uint8Array, final: boolean): string;
  /** Length of the prefix of `bytes` made of whole characters. */
  completeLength(bytes: Uint8Array): number;
  /** How many bytes `text.slice(from)` was decoded from. */
  tailBytes(text: string, from: number): number;
  /** Offset of the first invalid byte in `bytes` (for the error message). */
  firstInvalid(bytes: Uint8Array): number;
}

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

function utf8Codec(): Codec {
  // Never called with { stream: true }: only the one-shot call takes Node's SIMD fast path.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  return {
    encoding: 'utf-8',
    label: 'UTF-8',
    bom: [0xef, 0xbb, 0xbf],
    decode: (bytes) => decoder.decode(bytes),
    completeLength: completeUtf8Length,
    tailBytes: (text, from) => (from >= text.length ? 0 : Buffer.byteLength(text.slice(from), 'utf8')),
    firstInvalid: (bytes) => checkUtf8(bytes).end,
  };
}

function windows1252Codec(): Codec {
  // Always { stream: true }: Node 20's one-shot path for windows-1252 decodes it as Latin-1
  // (0x80 becomes U+0080, not €); the streaming path goes through ICU and is right.
  const decoder = new TextDecoder('windows-1252', { ignoreBOM: true, fatal: true });
  return {
    encoding: 'windows-1252',
    label: 'Windows-1252',
    bom: [],
    decode: (bytes, final) => decoder.decode(bytes, { stream: true }) + (final ? decoder.decode() : ''),
    completeLength: (bytes) => bytes.length,
    tailBytes: (text, from) => text.length - from,
    firstInvalid: (bytes) => bytes.length,
  };
}

function utf16Codec(encoding: 'utf-16le' | 'utf-16be'): Codec {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true, fatal: true });
  const le = encoding === 'utf-16le';
  const unitAt = (bytes: Uint8Array, i: number): number =>
    le ? (bytes[i] as number) | ((bytes[i + 1] as number) << 8) : ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
  return {
    encoding,
    label: le ? 'UTF-16 LE' : 'UTF-16 BE',
    bom: le ? [0xff, 0xfe] : [0xfe, 0xff],
    // A flush on the final call turns a dangling odd byte or lone surrogate into an error.
    decode: (bytes, final) => decoder.decode(bytes, { stream: true }) + (final ? decoder.decode() : ''),
    completeLength(bytes) {
      let n = bytes.length & ~1;
      // A high surrogate waits for its pair.
      if (n >= 2 && (unitAt(bytes, n - 2) & 0xfc00) === 0xd800) {
        n -= 2;
      }
      return n;
    },
    tailBytes: (text, from) => 2 * (text.length - from),
    firstInvalid(bytes) {
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        const u = unitAt(bytes, i);
        if ((u & 0xfc00) === 0xd800) {
          if (i + 3 >= bytes.length || (unitAt(bytes, i + 2) & 0xfc00) !== 0xdc00) {
            return i;
          }
          i += 2;
        } else if ((u & 0xfc00) === 0xdc00) {
          return i;
        }
      }
      return bytes.length & ~1;
    },
  };
}

/** A reader of `encoding` for cells separated by `delimiter`. */
export function createCsvReader(encoding: CsvEncoding, delimiter = ',', rowLabelOffset = 0): CsvByteReader {
  const codec =
    encoding === 'utf-8' ? utf8Codec() : encoding === 'windows-1252' ? windows1252Codec() : utf16Codec(encoding);
  return new ByteCsvReader(codec, delimiter, rowLabelOffset);
}

/** Tokenizes a byte stream chunk by chunk through a codec. */
class ByteCsvReader implements CsvByteReader {
  private readonly tokenizer: CsvTokenizer;
  private carry: Uint8Array = new Uint8Array(0);
  /** Until the first bytes are known not to be (or to be) a BOM. */
  private atStart = true;

  constructor(
    private readonly codec: Codec,
    delimiter: string,
    private readonly rowLabelOffset: number,
  ) {
    this.tokenizer = new CsvTokenizer(delimiter, rowLabelOffset);
  }

  push(chunk: Uint8Array): TokenBatch {
    let bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (this.atStart) {
      const bom = this.bomState(bytes);
      if (bom === 'undecided') {
        this.carry = Uint8Array.prototype.slice.call(bytes);
        return this.tokenizer.scanText('', false).batch;
      }
      if (bom === 'present') {
        bytes = bytes.subarray(this.codec.bom.length); // a byte order mark is not data
      }
      this.atStart = false;
    }
    const usable = this.codec.completeLength(bytes);
    const text = this.decode(bytes.subarray(0, usable), false);
    const { batch, consumed } = this.tokenizer.scanText(text, false);
    const leftBytes = this.codec.tailBytes(text, consumed);
    // Copy the leftover so the big chunk it came from can be freed.
    this.carry = Uint8Array.prototype.slice.call(bytes, usable - leftBytes);
    return batch;
  }

  end(): TokenBatch {
    let bytes = this.carry;
    this.carry = new Uint8Array(0);
    if (this.atStart && this.bomState(bytes) === 'present') {
      bytes = bytes.subarray(this.codec.bom.length);
    }
    this.atStart = false;
    return this.tokenizer.scanText(this.decode(bytes, true), true).batch;
  }

  private bomState(bytes: Uint8Array): 'present' | 'absent' | 'undecided' {
    const bom = this.codec.bom;
    const n = Math.min(bom.length, bytes.length);
    for (let i = 0; i < n; i += 1) {
      if (bytes[i] !== bom[i]) {
        return 'absent';
      }
    }
    return bom.length === 0 ? 'absent' : n === bom.length ? 'present' : 'undecided';
  }

  private decode(bytes: Uint8Array, final: boolean): string {
    try {
      return this.codec.decode(bytes, final);
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'ERR_ENCODING_INVALID_ENCODED_DATA') {
        throw err;
      }
      throw this.mismatch(bytes);
    }
  }

  /** The error for invalid bytes, naming the row they are in. */
  private mismatch(bytes: Uint8Array): AppError {
    const bad = this.codec.firstInvalid(bytes);
    // Tokenize the valid part to count the rows it completes (the reader is dead after this).
    const lenient = new TextDecoder(this.codec.encoding, { ignoreBOM: true });
    const before = this.tokenizer.scanText(lenient.decode(bytes.subarray(0, bad), { stream: true }), false).batch;
    const row = before.firstRow + before.rowCount + this.rowLabelOffset;
    return new AppError(
      'ENCODING_MISMATCH',
      `Row ${row}: the file is not valid ${this.codec.label} text. Choose the file's encoding (for example Windows-1252) and try again. Nothing was loaded.`,
    );
  }
}
