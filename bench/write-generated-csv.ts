/**
 * Writes a generated CSV of any size in 1 MiB pieces (CRLF line ends, as Zoho writes CSV).
 */
import fs from 'node:fs';

/** Writes `header` then `line(i)` for i in [0, rows); each line's cells are already quoted. */
export function writeGeneratedCsv(file: string, header: readonly string[], rows: number, line: (i: number) => readonly string[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    let buf = `${header.join(',')}\r\n`;
    for (let i = 0; i < rows; i += 1) {
      buf += `${line(i).join(',')}\r\n`;
      if (buf.length > 1 << 20) {
        fs.writeSync(fd, buf);
        buf = '';
      }
    }
    fs.writeSync(fd, buf);
  } finally {
    fs.closeSync(fd);
  }
}
