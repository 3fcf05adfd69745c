/**
 * The export folder appears whole or not at all: everything is written into a staging folder
 * beside it, which is renamed into place at the end; a failure or cancel removes the staging
 * folder, so no half-written file is ever left where the user looks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/ipc/errors';

/** Files of the folder a previous Preflight export wrote; such a folder may be replaced. */
const OWN_MARKER = 'manifest.json';

/**
 * Checks the target before any work: its parent must exist, and the folder itself must be
 * absent, empty, or a previous Preflight export (which is then replaced whole).
 */
export function checkExportFolder(folder: string): void {
  const parent = path.dirname(folder);
  if (!fs.existsSync(parent)) {
    throw new AppError('FILE_NOT_FOUND', `The folder ${parent} does not exist.`);
  }
  if (!fs.existsSync(folder)) return;
  if (!fs.statSync(folder).isDirectory()) {
    throw new AppError('EXPORT_FOLDER_NOT_EMPTY', `${folder} is a file; choose a folder for the export.`);
  }
  const names = fs.readdirSync(folder);
  if (names.length === 0) return;
  if (!names.includes(OWN_MARKER) || !isOwnManifest(path.join(folder, OWN_MARKER))) {
    throw new AppError(
      'EXPORT_FOLDER_NOT_EMPTY',
      `${folder} already holds other files; choose an empty or new folder (a previous Preflight export there would be replaced).`,
    );
  }
}

function isOwnManifest(file: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown }).format === 'preflight-bulk-write-export';
  } catch {
    return false;
  }
}

/** A staging folder beside `folder`, hidden by its leading dot. */
export function makeStaging(folder: string): string {
  const staging = path.join(path.dirname(folder), `.${path.basename(folder)}.${process.pid}.${Date.now()}.partial`);
  fs.mkdirSync(staging);
  return staging;
}

/** Moves the finished staging folder into place, replacing a previous export there. */
export function commitStaging(staging: string, folder: string): void {
  if (!fs.existsSync(folder)) {
    fs.renameSync(staging, folder);
    return;
  }
  const old = `${staging}.old`;
  fs.renameSync(folder, old);
  try {
    fs.renameSync(staging, folder);
  } catch (err) {
    fs.renameSync(old, folder);
    throw err;
  }
  fs.rmSync(old, { recursive: true, force: true });
}

/** Removes a staging folder and everything in it. */
export function dropStaging(staging: string): void {
  fs.rmSync(staging, { recursive: true, force: true });
}
