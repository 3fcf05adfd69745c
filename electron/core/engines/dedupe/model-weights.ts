/**
 * The fixed parameters of the fuzzy model, one set for all data (Fellegi–Sunter).
 *
 * For each comparison level, `m` is how often two records of the same person or company fall
 * in it and `u` how often two unrelated records do; the level adds log2(m / u) bits of
 * evidence. Where an exact agreement's `u` says "how common is this value", it is the value's
 * share of the records compared (a term-frequency adjustment: two "Smith"s say less than two
 * "Sondergeld"s), never below the level's floor. The bits of all comparisons, plus PRIOR_BITS,
 * give the score: 1 / (1 + 2^-(bits)).
 *
 * The figures were set from what is known of person and company data (typo, nickname, move
 * and missing-value rates reported for FEBRL and Splink's synthetic people) and checked on the
 * development data sets in bench/RESULTS.md; they are not fitted per data set and nothing in
 * the engine switches on the data.
 */

/** m and u of one level; `u` of an exact level is the floor of the term frequency. */
export interface Level {
  m: number;
  u: number;
}

export const W = {
  family: { exact: { m: 0.7, u: 0.0005 }, close: { m: 0.12, u: 0.002 }, near: { m: 0.08, u: 0.008 }, far: { m: 0.025, u: 0.025 }, diff: { m: 0.06, u: 0.9 } },
  given: {
    exact: { m: 0.65, u: 0.001 },
    nickname: { m: 0.04, u: 0.004 },
    initial: { m: 0.02, u: 0.02 },
    close: { m: 0.09, u: 0.004 },
    near: { m: 0.07, u: 0.015 },
    far: { m: 0.03, u: 0.04 },
    diff: { m: 0.06, u: 0.8 },
  },
  /** Given and family name written the other way round: the swap itself costs this much. */
  swapBits: -1,
  dob: { exact: { m: 0.6, u: 0.00005 }, oneDigit: { m: 0.09, u: 0.01 }, swapped: { m: 0.01, u: 0.0005 }, close: { m: 0.08, u: 0.06 }, diff: { m: 0.12, u: 0.85 } },
  email: { exact: { m: 0.45, u: 0.0001 }, typo: { m: 0.13, u: 0.0005 }, sameUser: { m: 0.1, u: 0.004 }, diff: { m: 0.05, u: 0.65 } },
  phone: { exact: { m: 0.6, u: 0.0001 }, typo: { m: 0.05, u: 0.001 }, diff: { m: 0.2, u: 0.95 } },
  /** A person's employer. */
  employer: { exact: { m: 0.55, u: 0.001 }, close: { m: 0.1, u: 0.005 }, diff: { m: 0.3, u: 0.95 } },
  /** A company's (or another record's) own name. */
  orgName: { exact: { m: 0.65, u: 0.0001 }, close: { m: 0.15, u: 0.002 }, near: { m: 0.1, u: 0.02 }, diff: { m: 0.1, u: 0.95 } },
  street: { exact: { m: 0.45, u: 0.0001 }, close: { m: 0.2, u: 0.001 }, near: { m: 0.12, u: 0.015 }, diff: { m: 0.2, u: 0.95 } },
  city: { exact: { m: 0.6, u: 0.001 }, close: { m: 0.2, u: 0.003 }, diff: { m: 0.08, u: 0.9 } },
  zip: { exact: { m: 0.75, u: 0.0001 }, close: { m: 0.07, u: 0.01 }, diff: { m: 0.15, u: 0.97 } },
  state: { exact: { m: 0.9, u: 0.01 }, diff: { m: 0.06, u: 0.8 } },
  country: { exact: { m: 0.9, u: 0.01 }, diff: { m: 0.08, u: 0.9 } },
  website: { exact: { m: 0.6, u: 0.0001 }, diff: { m: 0.3, u: 0.95 } },
  other: { exact: { m: 0.55, u: 0.0001 }, typo: { m: 0.2, u: 0.002 }, diff: { m: 0.25, u: 0.97 } },
} as const;

/**
 * Bits added when Zoho's own rules found the record by a unique field: the CRM refuses two
 * records with the same value there, so an equal value is all but the same record.
 */
export const UNIQUE_FIELD_BITS = 10;

/** Prior log-odds that two records compared (they share a blocking key) are the same. */
export const PRIOR_BITS = -11;

/** Candidates below this score are dropped (Zoho's own exact hits are always kept). */
export const DECISION_THRESHOLD = 0.5;

/** The bits a level adds, with an exact level's `u` raised to the value's share when larger. */
export function bits(level: Level, share = 0): number {
  return Math.log2(level.m / Math.max(level.u, share));
}

/** Score in [0, 1] from the summed bits. */
export function scoreOf(totalBits: number): number {
  return 1 / (1 + 2 ** -(totalBits + PRIOR_BITS));
}
