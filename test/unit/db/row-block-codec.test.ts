import { describe, expect, it } from 'vitest';
import { BLOCK_CSV, BLOCK_JSON, BLOCK_PLAIN, decodeRowBlock, rowTextEnd, rowTextStart } from '../../../electron/core/db/repos/row-block-codec';
import { CsvTokenizer } from '../../../electron/core/engines/csv/csv-tokenizer';

describe('row block codec', () => {
  it('reads a CSV block back cell for cell: quotes, delimiters and line breaks in cells, zeros, accents, emoji', () => {
    const data = '0012345600012,,"Zoë Ölçer","multi\r\nline, ""quoted"""\r\n"\u001e\u001f",😀 Café €\n';
    expect(decodeRowBlock({ fmt: BLOCK_CSV, data, firstRow: 41 }, ',')).toEqual([
      { rowNo: 41, cells: ['0012345600012', '', 'Zoë Ölçer', 'multi\r\nline, "quoted"'] },
      { rowNo: 42, cells: ['\u001e\u001f', '😀 Café €'] },
    ]);
  });

  it('numbers rows by line from the first, skipping blank lines but not a line holding ""', () => {
    const data = 'a;b\n\n\nc\n""\n';
    expect(decodeRowBlock({ fmt: BLOCK_CSV, data, firstRow: 5 }, ';')).toEqual([
      { rowNo: 5, cells: ['a', 'b'] },
      { rowNo: 8, cells: ['c'] },
      { rowNo: 9, cells: [''] },
    ]);
  });

  it('finds where each tokenized row starts and ends, opening quotes and line breaks included', () => {
    const text = 'a,b\r\n"x\ny",z\n"q""",1\nlast';
    const batch = new CsvTokenizer(',').scanText(text, true).batch;
    const spans = Array.from({ length: batch.rowCount }, (_, r) => text.slice(rowTextStart(batch, r), rowTextEnd(batch, r)));
    expect(spans).toEqual(['a,b\r\n', '"x\ny",z\n', '"q""",1\n', 'last']);
  });

  it('still reads the joined and JSON forms of earlier builds', () => {
    expect(decodeRowBlock({ fmt: BLOCK_PLAIN, data: '1\u001fa\u001f\u001e3\u001fb', firstRow: 1 }, ',')).toEqual([
      { rowNo: 1, cells: ['a', ''] },
      { rowNo: 3, cells: ['b'] },
    ]);
    expect(decodeRowBlock({ fmt: BLOCK_JSON, data: '[[2,"x\\u001fy"],[5,""]]', firstRow: 2 }, ',')).toEqual([
      { rowNo: 2, cells: ['x\u001fy'] },
      { rowNo: 5, cells: [''] },
    ]);
  });

  it('refuses a block form it does not know', () => {
    expect(() => decodeRowBlock({ fmt: 7, data: '', firstRow: 1 }, ',')).toThrow(/unknown row block form/);
  });
});
