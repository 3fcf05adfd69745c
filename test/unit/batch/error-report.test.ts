import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, reportHeader, reportLine } from '../../../electron/core/engines/batch/error-report';

describe('error report cells', () => {
  it('prefixes cells a spreadsheet would run as formulas, and still quotes what needs it', () => {
    expect(['=HYPERLINK("x")', '+1 555', '-2', '@SUM(A1)', '\tx', '\rx', 'plain'].map(csvCell)).toEqual([
      `"'=HYPERLINK(""x"")"`,
      "'+1 555",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
      'plain',
    ]);
  });

  it('reads back with the prefix and every other character as given', () => {
    const line = reportLine(7, ['=1+1', 'Zoë, "Z"', '0012345600012'], 3, [
      { row: 7, column: 'A', field: 'Email', code: 'INVALID_DATA', message: 'bad', severity: 'error' },
    ]);
    const [row] = Papa.parse<string[]>(`${reportHeader(['=A', 'B', 'C'])}\r\n${line}`, { header: false }).data.slice(1);
    expect(row).toEqual(["'=1+1", 'Zoë, "Z"', '0012345600012', '7', 'INVALID_DATA-Email', 'Email: bad', '']);
  });
});
