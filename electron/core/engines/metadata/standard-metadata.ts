/**
 * The standard module metadata shipped in `resources/zoho/<Module>.json` (IO part).
 *
 * Used until the user loads their org's own Fields API response for a module. The files are in
 * the Fields API shape, so they go through the same parser as an org's response.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { MODULE_NAME_PATTERN, STANDARD_MODULES, type StandardModule } from '../../../../shared/domain/modules';
import { AppError } from '../../../../shared/ipc/errors';
import { parseFieldsResponse } from './parse-fields';

// The files never change while the app runs, so each is read once per resources folder.
const cache = new Map<string, readonly FieldMeta[] | null>();

/**
 * Standard fields of `module`, or null when we ship none for it (custom modules, typos).
 *
 * Throws `METADATA_INVALID` when a shipped file is broken, which is a packaging bug rather than
 * something the user can fix, so it must not pass silently as "no metadata".
 */
export function loadStandardMetadata(resourcesDir: string, module: string): FieldMeta[] | null {
  // The name becomes part of a path; anything but a plain API name could leave resources/zoho/.
  if (!MODULE_NAME_PATTERN.test(module)) {
    return null;
  }
  const key = `${path.resolve(resourcesDir)}\0${module}`;
  let fields = cache.get(key);
  if (fields === undefined) {
    fields = readModuleFile(path.join(resourcesDir, 'zoho', `${module}.json`), module);
    cache.set(key, fields);
  }
  // Callers get their own array; the shared field objects are frozen so nobody edits the cache.
  return fields === null ? null : [...fields];
}

/** Modules whose standard metadata ships with the app. */
export function listStandardModules(): readonly StandardModule[] {
  return STANDARD_MODULES;
}

/** Forgets every file read so far (tests that swap the resources folder). */
export function clearStandardMetadataCache(): void {
  cache.clear();
}

function readModuleFile(file: string, module: string): readonly FieldMeta[] | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (isNodeError(err) && err.code === 'ENOENT') {
      return null;
    }
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('METADATA_INVALID', `The standard metadata for ${module} is not valid JSON (${reason}).`);
  }
  return parseFieldsResponse(json, module).map(freezeField);
}

function freezeField(field: FieldMeta): FieldMeta {
  if (field.picklist) {
    Object.freeze(field.picklist);
  }
  if (field.unique) {
    Object.freeze(field.unique);
  }
  if (field.convertMapping) {
    Object.freeze(field.convertMapping);
  }
  return Object.freeze(field);
}

function isNodeError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && 'code' in err;
}
