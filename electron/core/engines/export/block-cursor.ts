/**
 * The rows of a stored CSV block read straight from its UTF-8 bytes (pure).
 *
 * A batch's blocks are the source's own CSV text (see row-block-codec). Decoding a block into
 * JavaScript strings and arrays, only for the export to encode the same cells back into UTF-8,
 * was most of an export's time and garbage; this cursor finds the cells as byte ranges, with
 * what CSV quoting each needs, so an untouched value goes from the block to the upload CSV as
 * a copy of its bytes. It follows CsvTokenizer's rules exactly (same cells, same rows, blank
 * lines counted and skipped as decodeRowBlock skips them); delimiters, quotes and line breaks
 * are ASCII, so no multi-byte character can be mistaken for one.
 */

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** The cell was quoted in the block: its range is inside the quotes. */
export const CELL_QUOTED = 1;
/** The cell's range holds `""` pairs (each one quote of the value). */
export const CELL_ESCAPED = 2;
/** The value holds a comma, a quote, CR or LF: the upload CSV must quote it. */
export const CELL_SPECIAL = 4;

function classes(delimiter: number): Uint8Array {
  const t = new Uint8Array(256);
  t[QUOTE] = 3;
  t[COMMA] = 3;
  t[CR] = 2;
  t[LF] = 2;
  t[delimiter] = 1;
  return t;
}

const QUOTED_CLASSES = ((): Uint8Array => {
  const t = new Uint8Array(256);
  t[QUOTE] = 1;
  t[COMMA] = 3;
  t[CR] = 3;
  t[LF] = 3;
  return t;
})();

/** One row at a time of one block. */
export class BlockCursor {
  /** Per cell of the current row: start, end, flags. */
  spans = new Int32Array(3 * 64);
  /** Cells in the current row. */
  cellCount = 0;
  /** 0-based index of the current row among the block's lines, blank lines included. */
  rowIndex = -1;
  private pos = 0;
  /** Next LF, quote, CR and comma positions found so far. */
  private readonly seen = new Float64Array([-1, -1, -1, -1]);

  /** Byte classes outside quotes: 0 plain, 1 delimiter, 2 line break, 3 a quote or comma. */
  private readonly plain: Uint8Array;
  /** Byte classes inside quotes: 0 plain, 1 quote, 3 a comma, CR or LF. */
  private readonly quoted: Uint8Array;

  private readonly delimiter: number;

  constructor(
    readonly bytes: Buffer,
    delimiter: number,
  ) {
    if (delimiter === QUOTE || delimiter === CR || delimiter === LF || delimiter > 127) {
      throw new Error(`internal: the block cursor takes an ASCII delimiter, not ${delimiter}`);
    }
    this.plain = classes(delimiter);
    this.quoted = QUOTED_CLASSES;
    this.delimiter = delimiter;
  }

  /** True when the current row is a blank line (one unquoted, empty cell). */
  get blank(): boolean {
    return this.cellCount === 1 && this.spans[2] === 0 && this.spans[0] === this.spans[1];
  }

  /** Moves to the next row; false at the end of the block. */
  next(): boolean {
    const b = this.bytes;
    const len = b.length;
    const i = this.pos;
    if (i >= len) return false;
    this.rowIndex += 1;
    this.cellCount = 0;
    // Most rows hold no quote, no CR but the one of a CRLF (and, with another delimiter, no
    // comma) before their LF: found with memchr-speed searches, such a row is split by its
    // delimiter alone.
    const lf = this.after(LF, i, 0);
    const cr = this.after(CR, i, 2);
    if (lf < len && this.after(QUOTE, i, 1) > lf && (cr > lf || cr === lf - 1) && (this.delimiter === COMMA || this.after(COMMA, i, 3) > lf)) {
      const end = cr === lf - 1 ? cr : lf;
      const delim = this.delimiter;
      let start = i;
      for (let k = i; k < end; k += 1) {
        if (b[k] === delim) {
          this.push(start, k, 0);
          start = k + 1;
        }
      }
      this.push(start, end, 0);
      this.pos = lf + 1;
      return true;
    }
    return this.nextQuoted(i);
  }

  /** The next position of `byte` at or after `from` (cached per byte kind; past the end when none). */
  private after(byte: number, from: number, slot: number): number {
    let at = this.seen[slot] as number;
    if (at < from) {
      const found = this.bytes.indexOf(byte, from);
      at = found < 0 ? this.bytes.length + 1 : found;
      this.seen[slot] = at;
    }
    return at;
  }

  /** A row with quotes or CRs in it, cell by cell as the tokenizer reads it. */
  private nextQuoted(start: number): boolean {
    const b = this.bytes;
    const len = b.length;
    const plain = this.plain;
    const quoted = this.quoted;
    let i = start;
    for (;;) {
      if (i < len && b[i] === QUOTE) {
        const start = i + 1;
        let k = start;
        let flags = CELL_QUOTED;
        for (;;) {
          if (k >= len) throw new Error('internal: a stored block ends inside a quoted value');
          const c = quoted[b[k] as number] as number;
          if (c === 0) {
            k += 1;
          } else if (c === 1) {
            if (k + 1 < len && b[k + 1] === QUOTE) {
              flags |= CELL_ESCAPED | CELL_SPECIAL;
              k += 2;
            } else {
              break;
            }
          } else {
            flags |= CELL_SPECIAL;
            k += 1;
          }
        }
        this.push(start, k, flags);
        i = k + 1;
        const c = i < len ? (plain[b[i] as number] as number) : 2;
        if (c === 1) {
          i += 1;
          continue;
        }
        if (c !== 2) throw new Error('internal: a stored block has text after a closing quote');
      } else {
        const start = i;
        let flags = 0;
        let c = 0;
        while (i < len) {
          c = plain[b[i] as number] as number;
          if (c === 0) {
            i += 1;
          } else if (c === 3) {
            flags = CELL_SPECIAL;
            i += 1;
          } else {
            break;
          }
        }
        this.push(start, i, flags);
        if (i < len && c === 1) {
          i += 1;
          if (i >= len) {
            // A trailing delimiter at the very end: one more empty cell.
            this.push(i, i, 0);
            break;
          }
          continue;
        }
      }
      if (i >= len) break;
      if (b[i] === CR) i += i + 1 < len && b[i + 1] === LF ? 2 : 1;
      else i += 1;
      break;
    }
    this.pos = i;
    return true;
  }

  /** The value of cell `k` of the current row, as decodeRowBlock gives it. */
  text(k: number): string {
    const s = this.spans[3 * k] as number;
    const e = this.spans[3 * k + 1] as number;
    const t = this.bytes.toString('utf8', s, e);
    return ((this.spans[3 * k + 2] as number) & CELL_ESCAPED) !== 0 ? t.replace(/""/g, '"') : t;
  }

  /** Every cell of the current row as text. */
  cells(): string[] {
    const out = new Array<string>(this.cellCount);
    for (let k = 0; k < this.cellCount; k += 1) out[k] = this.text(k);
    return out;
  }

  private push(start: number, end: number, flags: number): void {
    const n = 3 * this.cellCount;
    if (n + 3 > this.spans.length) {
      const bigger = new Int32Array(this.spans.length * 2);
      bigger.set(this.spans);
      this.spans = bigger;
    }
    this.spans[n] = start;
    this.spans[n + 1] = end;
    this.spans[n + 2] = flags;
    this.cellCount += 1;
  }
}
