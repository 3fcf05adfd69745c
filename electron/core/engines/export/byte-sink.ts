/**
 * The bytes of an upload CSV as they are built (pure): a growing buffer, and the two ways a
 * cell gets into it — copied from a stored block with the quoting Zoho needs, or encoded from
 * a computed value. Both give exactly the bytes `uploadCell` gives (see upload-csv).
 */
import { CELL_QUOTED, CELL_SPECIAL, type BlockCursor } from './block-cursor';
import { uploadCell } from './upload-csv';

const QUOTE = 34;
/** Below this many bytes a loop copies faster than a call into Buffer.copy. */
const SHORT_COPY = 48;

/** A growing byte buffer. */
export class ByteSink {
  buf: Buffer;
  len = 0;

  constructor(size = 1 << 21) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len] = b;
    this.len += 1;
  }

  /** Appends `src[s..e)`. */
  copy(src: Buffer, s: number, e: number): void {
    const n = e - s;
    this.ensure(n);
    if (n < SHORT_COPY) {
      const out = this.buf;
      let o = this.len;
      for (let j = s; j < e; j += 1) out[o++] = src[j] as number;
    } else {
      src.copy(this.buf, this.len, s, e);
    }
    this.len += n;
  }

  /** Appends a string as UTF-8. */
  text(s: string): void {
    if (s.length === 0) return;
    this.ensure(3 * s.length);
    this.len += this.buf.write(s, this.len);
  }

  /** The bytes so far (a view, valid until the next write). */
  view(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}

/**
 * Appends cell `k` of the cursor's row as the upload CSV writes its value: quoted when it holds
 * a comma, quote, CR or LF or when `always` (multi-select), with `dflt` standing in for an
 * empty value.
 */
export function writeBlockCell(sink: ByteSink, cur: BlockCursor, k: number, always: boolean, dflt: string | null): void {
  const sp = cur.spans;
  const s = sp[3 * k] as number;
  const e = sp[3 * k + 1] as number;
  const f = sp[3 * k + 2] as number;
  if (s === e && dflt !== null) {
    sink.text(uploadCell(dflt, always));
    return;
  }
  const src = cur.bytes;
  if ((f & CELL_QUOTED) !== 0) {
    // Inside the quotes a value's quotes are already doubled: the range is its quoted form.
    if ((f & CELL_SPECIAL) !== 0 || always) {
      sink.byte(QUOTE);
      sink.copy(src, s, e);
      sink.byte(QUOTE);
    } else {
      sink.copy(src, s, e);
    }
    return;
  }
  if ((f & CELL_SPECIAL) === 0) {
    if (always) sink.byte(QUOTE);
    sink.copy(src, s, e);
    if (always) sink.byte(QUOTE);
    return;
  }
  // An unquoted value holding a quote (taken literally) or, from another delimiter, a comma.
  sink.ensure(2 * (e - s) + 2);
  const out = sink.buf;
  let o = sink.len;
  out[o++] = QUOTE;
  for (let j = s; j < e; j += 1) {
    const c = src[j] as number;
    out[o++] = c;
    if (c === QUOTE) out[o++] = QUOTE;
  }
  out[o++] = QUOTE;
  sink.len = o;
}
