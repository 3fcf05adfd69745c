import { describe, expect, it } from 'vitest';
import { BLOCK_JSON, BLOCK_PLAIN, decodeRowBlock, isPlainText, RowBlockEncoder } from '../../../electron/core/db/repos/row-block-codec';

const roundTrip = (rows: { rowNo: number; cells: string[]; plain: boolean }[]) => {
  const e = new RowBlockEncoder();
  for (const r of rows) e.add(r.rowNo, r.cells, r.plain);
  const block = e.finish();
  return { block, back: decodeRowBlock(block.fmt, block.data), size: e.lastSize };
};

describe('row block codec', () => {
  it('keeps every cell exactly: empty cells, zeros, accents, emoji, line breaks, short and long rows', () => {
    const rows = [
      { rowNo: 1, cells: ['0012345600012', '', 'Zoë Ölçer', 'multi\r\nline, "quoted"'], plain: true },
      { rowNo: 3, cells: [''], plain: true },
      { rowNo: 4, cells: ['😀 Café €', 'a', 'b', 'c', 'extra'], plain: true },
    ];
    const { block, back, size } = roundTrip(rows);
    expect(block.fmt).toBe(BLOCK_PLAIN);
    expect(size).toBe(3);
    expect(back).toEqual(rows.map(({ rowNo, cells }) => ({ rowNo, cells })));
  });

  it('switches the whole block to JSON when a row may hold a separator', () => {
    const rows = [
      { rowNo: 1, cells: ['a', 'b'], plain: true },
      { rowNo: 2, cells: ['x\u001fy', 'z\u001e'], plain: false },
      { rowNo: 5, cells: ['c', ''], plain: true },
    ];
    const { block, back } = roundTrip(rows);
    expect(block.fmt).toBe(BLOCK_JSON);
    expect(back).toEqual(rows.map(({ rowNo, cells }) => ({ rowNo, cells })));
  });

  it('tells text that cannot take the plain form', () => {
    expect(isPlainText('a,b\r\nc,d')).toBe(true);
    expect(isPlainText('a\u001fb')).toBe(false);
    expect(isPlainText('a\u001eb')).toBe(false);
  });

  it('refuses a block form it does not know', () => {
    expect(() => decodeRowBlock(7, '')).toThrow(/unknown row block form/);
  });
});
