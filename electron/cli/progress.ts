/**
 * Progress on stderr: a redrawn bar on a terminal, nothing when stderr is a file or a pipe
 * (so logs and `--json` consumers stay clean).
 */

export interface ProgressPrinter {
  update(done: number, total: number, rows: number): void;
  end(): void;
}

/** A progress printer for `label`. */
export function progressPrinter(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressPrinter {
  if (!stream.isTTY) {
    return { update() {}, end() {} };
  }
  let drawn = false;
  return {
    update(done, total, rows) {
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(ratio * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      stream.write(`\r${label} [${bar}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en-US')} rows`);
      drawn = true;
    },
    end() {
      if (drawn) {
        stream.write('\n');
      }
    },
  };
}
