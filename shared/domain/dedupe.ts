/**
 * Duplicate candidates: an existing record (or another batch row) that an incoming row may
 * be, with the evidence for it.
 */

/** One field that agreed between the incoming row and the candidate. */
export interface MatchedField {
  /** The candidate record's field API name (as Zoho's `preference_field_matched_value`). */
  field: string;
  /** The incoming value that matched (as Zoho's `matched_lead_value`). */
  value: string;
}

/** An existing replica record that an incoming row may duplicate. */
export interface DuplicateCandidate {
  module: string;
  id: string;
  /** In [0, 1]: how likely the two are the same person or company. */
  score: number;
  matched: MatchedField[];
}
