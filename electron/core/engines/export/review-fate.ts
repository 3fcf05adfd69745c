/**
 * What the duplicate review's decision makes of one row in an export (pure).
 *
 * The order is the user's intent first: a row the user excluded stays excluded; a row the
 * review skipped or folded into another row is left out whatever its errors; otherwise errors
 * keep a row out as they always do; what remains goes where its decision routes it.
 */
import type { ReviewDecision } from '../../../../shared/domain/review';
import type { LeftOutReason } from './export-types';
import type { Operation } from './job-json';

/**
 * Where a row's record goes: `chosen` — the export's own operation (no decision, or `create`
 * when the export inserts anyway); `insert` — an insert job of the batch's module although the
 * export updates or upserts; `update` — an update by id of the record a merge chose.
 */
export type Route = 'chosen' | 'insert' | 'update';

/** What the stored issues alone say of a row (see export-rows.ts `verdictOf`). */
export type IssueVerdict = 'has errors' | 'plain' | 'values';

/**
 * A row's verdict before its values are read: left out (and why), or its route and whether
 * its values must be computed here (errors that a value may clear, or a stream other than the
 * plain one, whose fast path reads rows by itself).
 */
export type RowVerdict = LeftOutReason | { route: Route; needsValues: boolean };

/** The route of a decision under the export's operation. */
export function routeOf(decision: ReviewDecision | undefined, operation: Operation): Route {
  if (decision?.action === 'merge') return 'update';
  if (decision?.action === 'create' && operation !== 'insert') return 'insert';
  return 'chosen';
}

/** Decides a row from its exclusion, its review decision and its stored issues. */
export function rowVerdict(excluded: boolean, decision: ReviewDecision | undefined, issues: IssueVerdict, operation: Operation): RowVerdict {
  if (excluded) return 'excluded';
  if (decision?.action === 'skip') return 'skipped in review';
  if (decision?.action === 'merge-row') return 'merged into another row';
  if (issues === 'has errors') return 'has errors';
  const route = routeOf(decision, operation);
  return { route, needsValues: issues === 'values' || route === 'insert' };
}

/** True for the verdict of a row the fast plain path can take as it is. */
export function isPlain(v: RowVerdict | undefined): boolean {
  return v === undefined || (typeof v !== 'string' && v.route === 'chosen' && !v.needsValues);
}
