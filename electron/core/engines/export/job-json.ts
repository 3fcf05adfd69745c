/**
 * The Bulk Write create-job request that goes beside each ZIP (pure).
 *
 * Shaped as Zoho's SDKs serialise it (ZOHO-SPEC §1.3, §8): `callback` always spelled so, and
 * only with a `url` when one was given; API v2 puts `module` as a string and `ignore_empty` on
 * the resource, v8 writes `module` as an object and `ignore_empty` at the top level too.
 */
import type { UploadColumn } from './column-plan';

/** The token left in `file_id`; README.txt says to replace it with the upload's file id. */
export const FILE_ID_PLACEHOLDER = 'REPLACE_WITH_FILE_ID';

export type ApiVersion = 'v2' | 'v8';
export type Operation = 'insert' | 'update' | 'upsert';

/** What one job JSON needs. */
export interface JobJsonInput {
  apiVersion: ApiVersion;
  operation: Operation;
  module: string;
  callbackUrl: string | null;
  findBy: string | null;
  ignoreEmpty: boolean;
  columns: readonly Pick<UploadColumn, 'field' | 'findBy' | 'defaultValue' | 'header'>[];
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Builds the request body as a JSON value (keys in the SDK's order). */
export function jobJson(input: JobJsonInput): { [k: string]: Json } {
  const callback: { [k: string]: Json } = input.callbackUrl ? { url: input.callbackUrl, method: 'post' } : { method: 'post' };
  const mappings: Json[] = input.columns.map((c, index) => {
    const m: { [k: string]: Json } = { api_name: c.field, index };
    if (c.findBy !== null) {
      m.find_by = c.findBy;
    } else if (c.header.endsWith('.id')) {
      // Zoho wants find_by on every lookup mapping; these cells hold record ids.
      m.find_by = 'id';
    }
    if (c.defaultValue !== null && c.defaultValue !== '') {
      m.default_value = { value: c.defaultValue };
    }
    return m;
  });
  const resource: { [k: string]: Json } = {
    type: 'data',
    module: input.apiVersion === 'v8' ? { api_name: input.module } : input.module,
    file_id: FILE_ID_PLACEHOLDER,
  };
  if (input.findBy !== null) resource.find_by = input.findBy;
  if (input.ignoreEmpty) resource.ignore_empty = true;
  resource.field_mappings = mappings;
  const body: { [k: string]: Json } = { operation: input.operation, callback, resource: [resource] };
  if (input.apiVersion === 'v8' && input.ignoreEmpty) body.ignore_empty = true;
  return body;
}

/** The job JSON as written to disk: two-space indent, LF, final newline. */
export function jobJsonText(input: JobJsonInput): string {
  return `${JSON.stringify(jobJson(input), null, 2)}\n`;
}
