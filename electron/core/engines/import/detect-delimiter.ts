/**
 * Guessing a CSV's delimiter from its first lines (pure).
 *
 * Each candidate splits the sample into records the way the real parser would (quotes
 * respected, so a quoted line break or a quoted delimiter does not count); the candidate whose
 * field count is the same on the most records, with more than one field, wins.
 */

/** The delimiters detection chooses between, in order of preference on a tie. */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

/** A delimiter an import can detect or be told to use. */
export type CsvDelimiter = (typeof DELIMITER_CANDIDATES)[number];

/** What the first lines say about the delimiter. */
export interface DelimiterGuess {
  delimiter: CsvDelimiter;
  /**
   * `high`: every record has the same number (> 1) of fields and no other candidate does;
   * `medium`: a clear winner with some disagreement, or only one record to judge by;
   * `low`: nothing splits the lines (a one-column file) or the winner is weak.
   */
  confidence: 'high' | 'medium' | 'low';
}

/** How many records detection looks at. */
export const DELIMITER_SAMPLE_RECORDS = 50;

interface Score {
  delimiter: CsvDelimiter;
  /** The most common field count. */
  fields: number;
  /** Share of records with that count. */
  consistency: number;
  records: number;
}

/**
 * Picks the delimiter of `text`, the decoded start of a file.
 *
 * @param complete true when `text` is the whole file; otherwise its last line may be cut and is
 *   not counted.
 */
export function detectDelimiter(text: string, complete = false): DelimiterGuess {
  const scores = DELIMITER_CANDIDATES.map((d) => score(d, fieldCounts(text, d, complete)));
  const usable = scores.filter((s) => s.fields > 1);
  if (usable.length === 0) {
    return { delimiter: ',', confidence: 'low' };
  }
  // Stable sort: on equal consistency and width the earlier candidate stays first.
  usable.sort((a, b) => b.consistency - a.consistency || b.fields - a.fields);
  const best = usable[0] as Score;
  const rivals = usable.filter((s) => s !== best && s.consistency === 1).length;
  let confidence: DelimiterGuess['confidence'];
  if (best.consistency === 1 && best.records >= 2 && rivals === 0) {
    confidence = 'high';
  } else if (best.consistency >= 0.8) {
    confidence = 'medium';
  } else {
    confidence = 'low';
  }
  return { delimiter: best.delimiter, confidence };
}

function score(delimiter: CsvDelimiter, counts: number[]): Score {
  const freq = new Map<number, number>();
  let fields = 0;
  let top = 0;
  for (const c of counts) {
    const f = (freq.get(c) ?? 0) + 1;
    freq.set(c, f);
    if (f > top || (f === top && c > fields)) {
      top = f;
      fields = c;
    }
  }
  return { delimiter, fields, consistency: counts.length === 0 ? 0 : top / counts.length, records: counts.length };
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Field count of each non-blank record of `text` when split on `delimiter`. */
export function fieldCounts(text: string, delimiter: string, complete: boolean): number[] {
  const delim = delimiter.charCodeAt(0);
  const counts: number[] = [];
  const len = text.length;
  let i = 0;
  while (i < len && counts.length < DELIMITER_SAMPLE_RECORDS) {
    const recordStart = i;
    let fields = 1;
    let ended = false;
    while (i < len) {
      if (text.charCodeAt(i) === QUOTE) {
        // A quote opens a quoted field only at the start of a field, as in the parser.
        const close = closingQuote(text, i + 1);
        if (close < 0) {
          i = len;
          break;
        }
        i = close + 1;
      }
      // The rest of the field (for a quoted one, any text after the closing quote: leniently).
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c === delim || c === LF || c === CR) {
          break;
        }
        i += 1;
      }
      if (i >= len) {
        break;
      }
      const c = text.charCodeAt(i);
      i += 1;
      if (c === delim) {
        fields += 1;
        continue;
      }
      if (c === CR && i < len && text.charCodeAt(i) === LF) {
        i += 1;
      }
      ended = true;
      break;
    }
    if (!ended && !complete) {
      break; // the sample's edge may have cut this record
    }
    const blank = fields === 1 && isLineBreakOrEnd(text, recordStart);
    if (!blank) {
      counts.push(fields);
    }
  }
  return counts;
}

function closingQuote(text: string, from: number): number {
  let j = from;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0 || q + 1 >= text.length || text.charCodeAt(q + 1) !== QUOTE) {
      return q;
    }
    j = q + 2;
  }
}

function isLineBreakOrEnd(text: string, at: number): boolean {
  if (at >= text.length) {
    return true;
  }
  const c = text.charCodeAt(at);
  return c === LF || c === CR;
}
