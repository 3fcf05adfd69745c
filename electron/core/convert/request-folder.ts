/**
 * Writing a folder of Zoho requests (IO): the bodies, a manifest and a README, written under a
 * temporary name and renamed into place, so a reader sees the whole folder or none of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { requestManifest, requestReadme } from '../engines/convert/request-manifest';
import type { RequestSet } from '../engines/convert/zoho-request';

/** What was written. */
export interface WrittenFolder {
  folder: string;
  manifest: string;
  readme: string;
  files: string[];
}

function stampOf(iso: string): string {
  return iso.replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
}

/** Writes `set` into a new folder `<prefix>-<time>` inside `outDir` (which must exist). */
export function writeRequestFolder(outDir: string, set: RequestSet, prefix: string, createdAt: string): WrittenFolder {
  const dir = path.resolve(outDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AppError('FILE_NOT_FOUND', `The folder ${dir} does not exist.`);
  }
  if (set.requests.length === 0) {
    throw new AppError('NOTHING_TO_CONVERT', `No request to write: ${set.skipped.length > 0 ? `all ${set.skipped.length} conversions are left out (${set.skipped[0]?.reason})` : 'nothing was selected'}.`);
  }
  const base = `${prefix}-${stampOf(createdAt)}`;
  let folder = path.join(dir, base);
  for (let n = 2; fs.existsSync(folder); n += 1) folder = path.join(dir, `${base}-${n}`);
  const tmp = `${folder}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    fs.mkdirSync(path.join(tmp, 'requests'), { recursive: true });
    for (const r of set.requests) fs.writeFileSync(path.join(tmp, 'requests', r.file), `${JSON.stringify(r.body, null, 2)}\n`);
    fs.writeFileSync(path.join(tmp, 'manifest.json'), `${JSON.stringify(requestManifest(set, createdAt), null, 2)}\n`);
    fs.writeFileSync(path.join(tmp, 'README.md'), requestReadme(set, createdAt));
    fs.renameSync(tmp, folder);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('FILE_UNREADABLE', `Cannot write the requests into ${dir}: ${(err as Error).message}`);
  }
  return {
    folder,
    manifest: path.join(folder, 'manifest.json'),
    readme: path.join(folder, 'README.md'),
    files: set.requests.map((r) => path.join(folder, 'requests', r.file)),
  };
}
