/**
 * Guessing a CSV's text encoding from its first bytes (pure).
 *
 * Order: a byte order mark decides; then UTF-16 without a mark shows itself by NUL bytes on
 * one side of every other byte (CSV text is full of ASCII delimiters, digits and line
 * breaks); then strictly valid UTF-8; anything else is read as Windows-1252, which decodes
 * every byte, so no value is ever lost to a replacement character.
 */

/** The encodings an import can read. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the first bytes say about the encoding. */
export interface EncodingGuess {
  encoding: CsvEncoding;
  /** The file starts with this encoding's byte order mark (readers skip it). */
  bom: boolean;
  /** `certain`: a BOM, or multi-byte UTF-8 that validates; `likely`: everything else. */
  confidence: 'certain' | 'likely';
}

/** How many bytes detection looks at. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

/** Result of a strict UTF-8 check. */
export interface Utf8Check {
  /** Length of the prefix made of complete, valid sequences. */
  end: number;
  /** The bytes after `end` are the start of a valid sequence cut off by the end of the input. */
  truncated: boolean;
  /** Every byte before `end` is ASCII. */
  ascii: boolean;
}

/**
 * Checks UTF-8 strictly (no overlong forms, no surrogates, nothing above U+10FFFF), as the
 * WHATWG decoder does in fatal mode, so "valid here" means "decodes without a U+FFFD".
 */
export function checkUtf8(bytes: Uint8Array): Utf8Check {
  const n = bytes.length;
  let i = 0;
  let ascii = true;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    ascii = false;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      lo = b === 0xe0 ? 0xa0 : lo; // no overlong forms
      hi = b === 0xed ? 0x9f : hi; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      lo = b === 0xf0 ? 0x90 : lo; // no overlong forms
      hi = b === 0xf4 ? 0x8f : hi; // nothing above U+10FFFF
    } else {
      return { end: i, truncated: false, ascii: false };
    }
    for (let k = 1; k <= need; k += 1) {
      if (i + k >= n) {
        return { end: i, truncated: true, ascii: false };
      }
      const c = bytes[i + k] as number;
      // Only the first continuation byte has a narrowed range.
      if (k === 1 ? c < lo || c > hi : (c & 0xc0) !== 0x80) {
        return { end: i, truncated: false, ascii: false };
      }
    }
    i += need + 1;
  }
  return { end: n, truncated: false, ascii };
}

/**
 * Guesses the encoding of `sample`, the first bytes of a file.
 *
 * @param complete true when `sample` is the whole file: a multi-byte sequence cut at its end
 *   is then an error rather than the sample's edge.
 */
export function detectEncoding(sample: Uint8Array, complete = false): EncodingGuess {
  const s = sample.length > ENCODING_SAMPLE_BYTES ? sample.subarray(0, ENCODING_SAMPLE_BYTES) : sample;
  const whole = complete && s.length === sample.length;
  if (s.length >= 3 && s[0] === 0xef && s[1] === 0xbb && s[2] === 0xbf) {
    return { encoding: 'utf-8', bom: true, confidence: 'certain' };
  }
  if (s.length >= 2 && s[0] === 0xff && s[1] === 0xfe) {
    return { encoding: 'utf-16le', bom: true, confidence: 'certain' };
  }
  if (s.length >= 2 && s[0] === 0xfe && s[1] === 0xff) {
    return { encoding: 'utf-16be', bom: true, confidence: 'certain' };
  }
  const utf16 = utf16ByNulBytes(s);
  if (utf16) {
    return { encoding: utf16, bom: false, confidence: 'likely' };
  }
  const check = checkUtf8(s);
  if (check.end === s.length || (check.truncated && !whole)) {
    return { encoding: 'utf-8', bom: false, confidence: check.ascii ? 'likely' : 'certain' };
  }
  return { encoding: 'windows-1252', bom: false, confidence: 'likely' };
}

/**
 * UTF-16 without a BOM: every ASCII character (and a CSV's delimiters, line breaks and digits
 * are ASCII whatever its language) has a NUL as its high byte. Text in UTF-8 or Windows-1252
 * has no NULs at all, bar a stray one, so NULs in one in 32 units, nearly all on the same side,
 * only happen in UTF-16, while Cyrillic or Greek UTF-16 text still shows far more.
 */
function utf16ByNulBytes(s: Uint8Array): CsvEncoding | null {
  const units = s.length >> 1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < s.length; i += 2) {
    evenNul += s[i] === 0 ? 1 : 0;
    oddNul += s[i + 1] === 0 ? 1 : 0;
  }
  const enough = Math.max(2, units / 32);
  if (oddNul >= enough && evenNul <= oddNul / 16) {
    return 'utf-16le';
  }
  if (evenNul >= enough && oddNul <= evenNul / 16) {
    return 'utf-16be';
  }
  return null;
}
