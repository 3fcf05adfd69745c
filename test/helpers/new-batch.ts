import type { NewBatch } from '../../electron/core/db/repos/batch-repo';

/** A batch record for repository tests: a comma-separated Leads file with this header. */
export function newBatch(header: string[]): NewBatch {
  return {
    module: 'Leads',
    sourceName: 's.csv',
    sourcePath: '/s.csv',
    sourceSize: 1,
    encoding: 'utf-8',
    delimiter: ',',
    header,
    headerFingerprint: 'f',
    mappingJson: '{}',
    createdAt: 'now',
  };
}
