import { describe, expect, it } from 'vitest';
import { FILE_ID_PLACEHOLDER, jobJson, jobJsonText, type JobJsonInput } from '../../../electron/core/engines/export/job-json';

const columns: JobJsonInput['columns'] = [
  { field: 'Email', header: 'Email', findBy: null, defaultValue: null },
  { field: 'Last_Name', header: 'Last_Name', findBy: null, defaultValue: 'Unknown' },
  { field: 'Account_Name', header: 'Account_Name.id', findBy: null, defaultValue: null },
  { field: 'Vendor_Name', header: 'Vendor_Name.Vendor_Code', findBy: 'Vendor_Code', defaultValue: null },
];

const base: JobJsonInput = { apiVersion: 'v2', operation: 'insert', module: 'Contacts', callbackUrl: null, findBy: null, ignoreEmpty: false, columns };

describe('job JSON', () => {
  it('has the v2 shape of Zoho SDK 2.0: callback, module as a string, the placeholder file id', () => {
    const j = jobJson(base);
    expect(Object.keys(j)).toEqual(['operation', 'callback', 'resource']);
    expect(j.callback).toEqual({ method: 'post' });
    expect(JSON.stringify(j)).not.toContain('callBack');
    expect(j.resource).toEqual([
      {
        type: 'data',
        module: 'Contacts',
        file_id: FILE_ID_PLACEHOLDER,
        field_mappings: [
          { api_name: 'Email', index: 0 },
          { api_name: 'Last_Name', index: 1, default_value: { value: 'Unknown' } },
          { api_name: 'Account_Name', index: 2, find_by: 'id' },
          { api_name: 'Vendor_Name', index: 3, find_by: 'Vendor_Code' },
        ],
      },
    ]);
  });

  it('carries find_by and ignore_empty on the resource for v2, and a callback url when given', () => {
    const j = jobJson({ ...base, operation: 'upsert', findBy: 'Email', ignoreEmpty: true, callbackUrl: 'https://example.com/cb' });
    expect(j.callback).toEqual({ url: 'https://example.com/cb', method: 'post' });
    const r = (j.resource as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(r.find_by).toBe('Email');
    expect(r.ignore_empty).toBe(true);
    expect(j.ignore_empty).toBeUndefined();
  });

  it('writes v8 with module as an object and ignore_empty at the top level too', () => {
    const j = jobJson({ ...base, apiVersion: 'v8', operation: 'update', findBy: 'Email', ignoreEmpty: true });
    const r = (j.resource as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(r.module).toEqual({ api_name: 'Contacts' });
    expect(r.ignore_empty).toBe(true);
    expect(j.ignore_empty).toBe(true);
  });

  it('is written with a stable layout', () => {
    expect(jobJsonText(base)).toBe(`${JSON.stringify(jobJson(base), null, 2)}\n`);
    expect(jobJsonText(base)).toBe(jobJsonText({ ...base }));
  });
});
