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

/**
 * A growing byte buffer. Its front can hold a source block (`load`), so cells are copied from
 * the block within one buffer (copyWithin: no call into Buffer.copy and no view per cell).
 */
export class ByteSink {
  /** `[0, base)`: the loaded source block; `[base, base + len)`: the bytes written. */
  buf: Buffer;
  base = 0;
  len = 0;
  /** The block last loaded. */
  source: Buffer | null = null;

  constructor(size = 1 << 21) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.base + this.len + n <= this.buf.length) return;
    this.resize(this.base, Math.max(2 * (this.buf.length - this.base), this.len + n));
  }

  /** Copies a block to the front of the buffer, for copySource. */
  load(src: Buffer): void {
    if (src.length > this.base) this.resize(Math.max(src.length, 2 * this.base, 1 << 16), Math.max(this.buf.length - this.base, this.len + 1));
    this.buf.set(src, 0);
    this.source = src;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.base + this.len] = b;
    this.len += 1;
  }

  /** Appends `src[s..e)`. */
  copy(src: Buffer, s: number, e: number): void {
    const n = e - s;
    this.ensure(n);
    if (n < SHORT_COPY) {
      const out = this.buf;
      let o = this.base + this.len;
      for (let j = s; j < e; j += 1) out[o++] = src[j] as number;
    } else {
      src.copy(this.buf, this.base + this.len, s, e);
    }
    this.len += n;
  }

  /** Appends bytes `[s, e)` of the loaded block. */
  copySource(s: number, e: number): void {
    const n = e - s;
    this.ensure(n);
    this.buf.copyWithin(this.base + this.len, s, e);
    this.len += n;
  }

  /** Appends a string as UTF-8. */
  text(s: string): void {
    if (s.length === 0) return;
    this.ensure(3 * s.length);
    this.len += this.buf.write(s, this.base + this.len);
  }

  /** The bytes so far (a view, valid until the next write). */
  view(): Buffer {
    return this.buf.subarray(this.base, this.base + this.len);
  }

  private resize(base: number, room: number): void {
    const next = Buffer.allocUnsafe(base + room);
    this.buf.copy(next, base, this.base, this.base + this.len);
    if (this.source !== null && base === this.base) this.buf.copy(next, 0, 0, this.source.length);
    else if (this.source !== null) next.set(this.source, 0);
    this.buf = next;
    this.base = base;
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
  if (sink.source !== src) sink.load(src);
  if ((f & CELL_QUOTED) !== 0) {
    // Inside the quotes a value's quotes are already doubled: the range is its quoted form.
    if ((f & CELL_SPECIAL) !== 0 || always) {
      sink.copySource(s - 1, e + 1);
    } else {
      sink.copySource(s, e);
    }
    return;
  }
  if ((f & CELL_SPECIAL) === 0) {
    if (always) sink.byte(QUOTE);
    sink.copySource(s, e);
    if (always) sink.byte(QUOTE);
    return;
  }
  // An unquoted value holding a quote (taken literally) or, from another delimiter, a comma.
  sink.ensure(2 * (e - s) + 2);
  const out = sink.buf;
  let o = sink.base + sink.len;
  out[o++] = QUOTE;
  for (let j = s; j < e; j += 1) {
    const c = src[j] as number;
    out[o++] = c;
    if (c === QUOTE) out[o++] = QUOTE;
  }
  out[o++] = QUOTE;
  sink.len = o - sink.base;
}
