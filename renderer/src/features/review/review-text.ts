/**
 * The review screen's words: module names in the singular, scores, where a match is, the
 * decision of a row, and the plain sentences that say what an incoming row already is (pure).
 */
import type { ReviewDecision } from '../../../../shared/domain/review';
import type { MatchEvidence, MatchRule, ReviewCandidate, ReviewItem } from '../../store/review-types';

const SINGULAR: Record<string, string> = {
  Leads: 'Lead',
  Contacts: 'Contact',
  Accounts: 'Account',
  Deals: 'Deal',
  Products: 'Product',
  Quotes: 'Quote',
  Sales_Orders: 'Sales Order',
  Invoices: 'Invoice',
  Purchase_Orders: 'Purchase Order',
  Vendors: 'Vendor',
  Campaigns: 'Campaign',
  Cases: 'Case',
  Price_Books: 'Price Book',
  Solutions: 'Solution',
};

/** `Contacts` -> `Contact`; custom modules lose a trailing "s" and their underscores. */
export function moduleSingular(module: string): string {
  const known = SINGULAR[module];
  if (known !== undefined) return known;
  const words = module.replace(/_/g, ' ');
  return words.endsWith('s') && !words.endsWith('ss') ? words.slice(0, -1) : words;
}

/** A score in [0, 1] as a whole percentage ("96%"); never rounds a non-match up to 100%. */
export function formatScore(score: number): string {
  const pct = Math.round(score * 100);
  return `${score < 1 && pct === 100 ? 99 : pct}%`;
}

/** Where a queue item's best match is: "Contact", "Account", or "In this file". */
export function whereLabel(bestModule: string | null): string {
  return bestModule === null ? 'In this file' : moduleSingular(bestModule);
}

/** A record id shortened for a label ("4876…8001"). */
function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id;
}

/**
 * A decision as one short phrase ("Merge → Contact Pat Boyle", "Create", "Skip",
 * "Merged into row 12"); `title` names the merge target when known.
 */
export function decisionLabel(decision: ReviewDecision, title: string | null = null): string {
  switch (decision.action) {
    case 'merge':
      return `Merge → ${moduleSingular(decision.module)} ${title !== null && title !== '' ? title : shortId(decision.id)}`;
    case 'create':
      return 'Create';
    case 'skip':
      return 'Skip';
    case 'merge-row':
      return `Merged into row ${decision.survivor}`;
  }
}

/** The rule of a merge, in words. */
export function ruleLabel(rule: 'pick' | 'fill-blanks' | 'incoming-wins'): string {
  if (rule === 'pick') return 'chosen per field';
  if (rule === 'fill-blanks') return 'fill blanks only';
  return 'incoming wins';
}

/** " at Zylker Biotech" or " (Los Angeles)" from a candidate's subtitle, or ''. */
function placed(candidate: ReviewCandidate): string {
  const sub = candidate.subtitle.trim();
  if (sub === '') return '';
  return /^at\s/i.test(sub) ? ` ${sub}` : ` (${sub})`;
}

/**
 * What the incoming row already is, one sentence per module it was found in (best candidate
 * of each): "Already a Contact: Pat Boyle at Zylker Biotech", "Company is an existing Account:
 * Zylker Biotech", "Appears 3 times in this file: rows 4, 12, 31".
 */
export function whatItIs(item: ReviewItem, batchModule: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of item.candidates) {
    if (seen.has(c.module)) continue;
    seen.add(c.module);
    const more = item.candidates.filter((o) => o.module === c.module).length - 1;
    const also = more > 0 ? ` (and ${more} more ${more === 1 ? moduleSingular(c.module).toLowerCase() : `${moduleSingular(c.module).toLowerCase()}s`})` : '';
    if (c.module === 'Accounts' && batchModule !== 'Accounts') {
      // A Lead's Company (a Contact's Account) is not the row itself: it is what it belongs to.
      out.push(`${batchModule === 'Leads' ? 'Company' : 'Account'} is an existing Account: ${c.title}${also}`);
    } else if (c.module === 'Accounts') {
      out.push(`Already an Account: ${c.title}${also}`);
    } else {
      const article = /^[AEIOU]/.test(moduleSingular(c.module)) ? 'an' : 'a';
      out.push(`Already ${article} ${moduleSingular(c.module)}: ${c.title}${placed(c)}${also}`);
    }
  }
  if (item.cluster !== null) {
    const rows = item.cluster.rows.map((r) => r.row).sort((a, b) => a - b);
    out.push(`Appears ${rows.length} times in this file: rows ${rows.join(', ')}`);
  }
  return out;
}

/** Which rule found a candidate, as the user knows it. */
export function matchRuleLabel(rule: MatchRule): string {
  switch (rule) {
    case 'unique':
      return 'Zoho: unique field';
    case 'email':
      return 'Zoho: same email';
    case 'account-name':
      return 'Zoho: same company name';
    case 'name':
      return 'Zoho: same name';
    case 'system':
      return 'Zoho: duplicate-check field';
    case 'fuzzy':
      return 'Similar (fuzzy match)';
  }
}

/** How one field agreed: "same", "same once normalised", "similar, 87%". */
export function evidenceLabel(evidence: MatchEvidence): string {
  if (evidence.how === 'exact') return 'same';
  if (evidence.how === 'normalised') return 'same once normalised';
  return `similar, ${formatScore(evidence.similarity)}`;
}
