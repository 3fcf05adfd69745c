/**
 * Duplicate review: what the user decided for a batch row that has duplicate candidates.
 *
 * The decisions are the hand-off between the review screen and what comes after it: the
 * export turns them into operations (merge -> update of the chosen record, create -> insert,
 * skip and merge-row -> left out), and the lead conversion plan reads a Lead's merge target.
 */

/** Which value a field keeps when an incoming row is merged into an existing record. */
export type FieldWinner = 'incoming' | 'existing';

/**
 * How a merge chooses values: field by field (`picks`), incoming only where the existing
 * record is blank, or incoming everywhere it has a value.
 */
export type MergeRule = 'pick' | 'fill-blanks' | 'incoming-wins';

/** One row's decision. Rows without a decision are exported as the operation asked for. */
export type ReviewDecision =
  | {
      action: 'merge';
      /** The existing record's module (may differ from the batch's: a Lead into a Contact). */
      module: string;
      /** Its record id in the replica. */
      id: string;
      rule: MergeRule;
      /**
       * With rule `pick`: the winner per field of the target record (its API name); fields
       * not listed follow `fill-blanks`. Ignored by the other rules.
       */
      picks: Record<string, FieldWinner>;
    }
  | { action: 'create' }
  | { action: 'skip' }
  | {
      action: 'merge-row';
      /** The surviving row of the same batch, which took this row's values. */
      survivor: number;
    };

/** The action names, for counts and filters. */
export type ReviewAction = ReviewDecision['action'];
