/**
 * Zod schemas of the users channels: what a users load reports.
 */
import { z } from 'zod';

export const UsersLoadResult = z.object({
  module: z.literal('Users'),
  format: z.enum(['users-api-json', 'users-csv']),
  /** Users read from the file (rejected rows not counted). */
  loaded: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  /** Of the users in the file: active ones, and every other status (inactive, deleted…). */
  active: z.number().int(),
  inactive: z.number().int(),
  rejected: z.number().int(),
  rejectedRows: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  /** Users now in the workspace, this file's and earlier loads'. */
  total: z.number().int(),
  durationMs: z.number(),
});
