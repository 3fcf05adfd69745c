import { describe, expect, it } from 'vitest';
import { formatErrors, parseErrors, parseStatus, resultLayout } from '../../../electron/core/engines/export/result-file';
import { AppError } from '../../../shared/ipc/errors';

describe('result file', () => {
  it('finds the echoed columns, STATUS, RECORD_ID and ERRORS', () => {
    expect(resultLayout(['Email', 'First_Name', 'Last_Name', 'STATUS', 'RECORD_ID', 'ERRORS'])).toEqual({ keys: ['Email', 'First_Name', 'Last_Name'], status: 3, recordId: 4, errors: 5 });
    expect(resultLayout(['Email', 'status', 'Record_Id', 'errors']).keys).toEqual(['Email']);
  });

  it('refuses a file without the result columns', () => {
    expect(() => resultLayout(['id', 'Last_Name'])).toThrow(AppError);
    try {
      resultLayout(['id']);
    } catch (err) {
      expect((err as AppError).code).toBe('RESULT_NOT_RECOGNIZED');
    }
  });

  it('accepts the four statuses in any case, and nothing else', () => {
    expect(['ADDED', 'added', 'Updated', ' SKIPPED ', 'unprocessed', 'Not Processed'].map(parseStatus)).toEqual(['added', 'added', 'updated', 'skipped', 'unprocessed', 'unprocessed']);
    expect(parseStatus('MAYBE')).toBeNull();
    expect(parseStatus('')).toBeNull();
  });

  it('parses CODE-col,col:CODE-col', () => {
    expect(parseErrors('MANDATORY_NOT_FOUND-Company,Last_Name:DUPLICATE_DATA-Email')).toEqual([
      { code: 'MANDATORY_NOT_FOUND', columns: ['Company', 'Last_Name'] },
      { code: 'DUPLICATE_DATA', columns: ['Email'] },
    ]);
    expect(parseErrors('')).toEqual([]);
    expect(parseErrors('LIMIT_EXCEEDED')).toEqual([{ code: 'LIMIT_EXCEEDED', columns: [] }]);
    expect(parseErrors('INVALID_DATA-Account_Name.id')).toEqual([{ code: 'INVALID_DATA', columns: ['Account_Name.id'] }]);
    expect(formatErrors(parseErrors('MANDATORY_NOT_FOUND-Company,Last_Name:DUPLICATE_DATA-Email'))).toBe('MANDATORY_NOT_FOUND-Company,Last_Name:DUPLICATE_DATA-Email');
  });
});
