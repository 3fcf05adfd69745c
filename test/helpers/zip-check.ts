/**
 * Opening a ZIP with readers that are not ours: Info-ZIP's `unzip -t` / `unzip -Z1` / `unzip -p`,
 * and Python's zipfile and csv modules for the CSV inside.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** What the independent readers found in a one-CSV ZIP. */
export interface ZipContent {
  names: string[];
  /** The CSV's bytes, as `unzip -p` gives them. */
  bytes: Buffer;
  /** Rows as Python's csv module reads them (header first). */
  rows: string[][];
}

const PY = `
import sys, zipfile, csv, io, json
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
names = z.namelist()
data = z.read(names[0]).decode('utf-8')
rows = list(csv.reader(io.StringIO(data, newline='')))
print(json.dumps({"bad": bad, "names": names, "rows": rows}))
`;

/** Checks `file` with `unzip -t` and reads it with `unzip -p` and Python; throws on any failure. */
export function readZipIndependently(file: string): ZipContent {
  const test = spawnSync('unzip', ['-tqq', file], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`unzip -t refused ${file}: ${test.stdout}${test.stderr}`);
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((n) => n !== '');
  const bytes = execFileSync('unzip', ['-p', file], { maxBuffer: 256 * 1024 * 1024 });
  const py = JSON.parse(execFileSync('python3', ['-c', PY, file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })) as { bad: string | null; names: string[]; rows: string[][] };
  if (py.bad !== null) throw new Error(`Python's zipfile found a bad entry in ${file}: ${py.bad}`);
  if (JSON.stringify(py.names) !== JSON.stringify(names)) throw new Error('unzip and Python disagree on the entries');
  return { names, bytes, rows: py.rows };
}
