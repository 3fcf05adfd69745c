/**
 * What a batch row's duplicate review decision means for its lead conversion (pure).
 *
 * - merge into a Contact: the plan starts merging into that Contact; its Account comes along
 *   through the Contact (seed S0: a Contact that has an Account brings it);
 * - merge into an Account: the plan starts merging into that Account, with a new Contact;
 * - create: the plan starts as "create new" (Zoho's Case II), marked as the review's choice;
 * - skip: the row is not converted (the user chose not to send it to Zoho at all);
 * - merged into another row of the file: that row carries its values and converts instead;
 * - merge into an existing Lead: the row becomes an update of that Lead, which is what would
 *   convert (from the replica), not a new lead of its own.
 * Merges into other modules give nothing to merge into here and start as "create new".
 */
import type { LeadChoice, LeftOutRows } from '../../../../shared/domain/convert';
import { LEFT_OUT_SAMPLE } from '../../../../shared/domain/convert';
import type { ReviewDecision } from '../../../../shared/domain/review';
import { CREATE_NEW } from './lead-run';

/** Why a reviewed row is not planned. */
export type LeftOutReason = 'skip' | 'merge-row' | 'merge-lead';

/** A row's start: a choice to plan with, or left out for a reason. */
export type ReviewedStart = { kind: 'plan'; choice: LeadChoice } | { kind: 'left-out'; reason: LeftOutReason };

/** The start of a row's plan from its review decision (none: create new). */
export function reviewedStart(decision: ReviewDecision | undefined): ReviewedStart {
  if (decision === undefined) return { kind: 'plan', choice: CREATE_NEW };
  switch (decision.action) {
    case 'skip':
      return { kind: 'left-out', reason: 'skip' };
    case 'merge-row':
      return { kind: 'left-out', reason: 'merge-row' };
    case 'create':
      return { kind: 'plan', choice: { ...CREATE_NEW, review: 'create' } };
    case 'merge':
      if (decision.module === 'Contacts') return { kind: 'plan', choice: { contactId: decision.id, accountId: null, contactSource: 'review', accountSource: null, review: 'merge' } };
      if (decision.module === 'Accounts') return { kind: 'plan', choice: { contactId: null, accountId: decision.id, contactSource: null, accountSource: 'review', review: 'merge' } };
      if (decision.module === 'Leads') return { kind: 'left-out', reason: 'merge-lead' };
      return { kind: 'plan', choice: CREATE_NEW };
  }
}

/** Counts left-out rows as a run reports them. */
export class LeftOutCounter {
  private readonly out: LeftOutRows = { skip: 0, mergeRow: 0, mergeLead: 0, rows: [] };

  add(row: number, reason: LeftOutReason): void {
    if (reason === 'skip') this.out.skip += 1;
    else if (reason === 'merge-row') this.out.mergeRow += 1;
    else this.out.mergeLead += 1;
    if (this.out.rows.length < LEFT_OUT_SAMPLE) this.out.rows.push(row);
  }

  /** How many rows were left out. */
  get total(): number {
    return this.out.skip + this.out.mergeRow + this.out.mergeLead;
  }

  result(): LeftOutRows {
    return { ...this.out, rows: [...this.out.rows] };
  }
}
