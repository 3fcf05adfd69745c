/**
 * How a block of batch rows is kept in one text value (pure).
 *
 * Form 1 (plain): rows joined by U+001E, each row its number then its cells joined by U+001F.
 * Joining and splitting are native string operations, several times cheaper than JSON, but
 * only unambiguous when no cell holds either separator; the importer checks each parsed
 * batch's text for them once and says so per row. Form 2 (JSON) takes any text: an array of
 * rows, each `[rowNo, ...cells]`. Either way every cell comes back exactly as it went in.
 */

/** A row as stored: its 1-based data row number and all its cells. */
export interface BlockRow {
  rowNo: number;
  cells: string[];
}

const RS = '\u001e';
const US = '\u001f';
export const BLOCK_PLAIN = 1;
export const BLOCK_JSON = 2;

/** Collects rows for one block at a time. */
export class RowBlockEncoder {
  private lines: string[] = [];
  private arrays: (number | string)[][] | null = null;
  /** Rows in the block being built. */
  size = 0;
  /** Rows in the block `finish` returned last. */
  lastSize = 0;

  add(rowNo: number, cells: readonly string[], plain: boolean): void {
    if (!plain && this.arrays === null) {
      // Rows added so far were plain, so splitting them gives their cells back.
      this.arrays = this.lines.map((line) => {
        const [n, ...rest] = line.split(US);
        return [Number(n), ...rest];
      });
    }
    if (this.arrays !== null) {
      this.arrays.push([rowNo, ...cells]);
    } else {
      this.lines.push(`${rowNo}${US}${cells.join(US)}`);
    }
    this.size += 1;
  }

  /** The finished block; the encoder starts a new one. */
  finish(): { fmt: number; data: string } {
    const out = this.arrays !== null ? { fmt: BLOCK_JSON, data: JSON.stringify(this.arrays) } : { fmt: BLOCK_PLAIN, data: this.lines.join(RS) };
    this.lastSize = this.size;
    this.lines = [];
    this.arrays = null;
    this.size = 0;
    return out;
  }
}

/** The rows of a stored block. */
export function decodeRowBlock(fmt: number, data: string): BlockRow[] {
  if (fmt === BLOCK_JSON) {
    return (JSON.parse(data) as (number | string)[][]).map(([n, ...cells]) => ({ rowNo: n as number, cells: cells as string[] }));
  }
  if (fmt !== BLOCK_PLAIN) {
    throw new Error(`internal: unknown row block form ${fmt}`);
  }
  return data.split(RS).map((line) => {
    const cells = line.split(US);
    const n = cells.shift();
    return { rowNo: Number(n), cells };
  });
}

/** True when no cell of `text` can hold a separator of the plain form. */
export function isPlainText(text: string): boolean {
  return text.indexOf(RS) === -1 && text.indexOf(US) === -1;
}
