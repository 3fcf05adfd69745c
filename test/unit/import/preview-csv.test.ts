import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewBytes, previewCsv } from '../../../electron/core/engines/import/preview-csv';
import { TESTDATA, tempDir } from '../../helpers/temp-dir';

const EDGE = path.join(TESTDATA, 'csv-edge');
const AUTO = { encoding: 'auto', delimiter: 'auto' } as const;

describe('previewCsv', () => {
  it('detects and shows a UTF-16 file with its BOM removed', async () => {
    const p = await previewCsv(path.join(EDGE, 'csvkit-examples/test_utf16_big.csv'), AUTO);
    expect(p).toEqual({
      encoding: 'utf-16be',
      delimiter: ',',
      detected: { encoding: 'utf-16be', delimiter: ',', encodingConfidence: 'certain', delimiterConfidence: 'high' },
      header: ['a', 'b', 'c'],
      rows: [
        ['1', '2', '3'],
        ['4', '5', 'ʤ'],
      ],
      raggedRows: [],
    });
  });

  it('keeps header names as they are, duplicates and empty ones included', async () => {
    const p = await previewCsv(path.join(EDGE, 'csvkit-examples/test_utf8_bom.csv'), AUTO);
    expect(p.header).toEqual(['foo', 'bar', 'baz']);
    const q = previewBytes(Buffer.from(' Name ,,Name,Email\nx,y,z,w\n'), true, AUTO);
    expect(q.header).toEqual([' Name ', '', 'Name', 'Email']);
  });

  it('lists ragged rows with their data row numbers', async () => {
    const p = await previewCsv(path.join(EDGE, 'csvkit-examples/bad.csv'), AUTO);
    expect(p.header).toEqual(['column_a', 'column_b', 'column_c']);
    expect(p.raggedRows).toEqual([
      { row: 1, fields: 4 },
      { row: 2, fields: 2 },
    ]);
    expect(p.rows[0]).toEqual(['1', '27', '', "I'm too long!"]);
  });

  it('uses explicit choices but still reports what was detected', async () => {
    const p = await previewCsv(path.join(EDGE, 'csvkit-examples/sniff_limit.csv'), { encoding: 'windows-1252', delimiter: ',' });
    expect(p).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ',',
      detected: { encoding: 'utf-8', delimiter: ';' },
      header: ['a;b;c'],
    });
  });

  it('shows at most 50 rows from the first 256 KiB, leaving out a row cut by that edge', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'long.csv');
      const row = `${'x'.repeat(100)};${'y'.repeat(100)}\n`;
      fs.writeFileSync(file, `a;b\n${row.repeat(5000)}`);
      const p = await previewCsv(file, AUTO);
      expect(p.delimiter).toBe(';');
      expect(p.rows).toHaveLength(50);
      expect(p.raggedRows).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('refuses an empty file and a missing one', async () => {
    await expect(previewCsv(path.join(EDGE, 'csvkit-examples/empty.csv'), AUTO)).rejects.toMatchObject({ code: 'CSV_EMPTY' });
    await expect(previewCsv(path.join(EDGE, 'no-such-file.csv'), AUTO)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
