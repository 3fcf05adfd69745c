import * as m0001 from './0001_init';
import * as m0002 from './0002_import_batches';
import * as m0003 from './0003_issue_index';
import * as m0004 from './0004_staged_imports';
import * as m0005 from './0005_issue_counts';
import * as m0006 from './0006_batch_users_load';
import * as m0008 from './0008_duplicate_review';
import * as m0009 from './0009_exports';
import * as m0010 from './0010_conversions';
import * as m0012 from './0012_convert_left_out';
import * as m0013 from './0013_slim_match_keys';

/** Every migration in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [m0001, m0002, m0003, m0004, m0005, m0006, m0008, m0009, m0010, m0012, m0013];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
