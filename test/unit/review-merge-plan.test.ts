/**
 * What the review screen shows a merge will do: winners per rule and per pick, the decision
 * sent, and a cluster merge's survivor values.
 */
import { describe, expect, it } from 'vitest';
import {
  changedLines,
  clusterValues,
  defaultClusterPicks,
  initialDraft,
  lineWinner,
  mergeDecision,
  picksFromRule,
  withRule,
  withSurvivor,
} from '../../renderer/src/store/review-merge-plan';
import type { ReviewCandidate, ReviewCluster, ReviewItem } from '../../renderer/src/store/review-types';
import { decisionLabel, formatScore, whatItIs } from '../../renderer/src/features/review/review-text';

const line = (field: string, existing: string, incoming: string | null, same = false) => ({ field, label: field, existing, incoming, same, matched: false });

const candidate: ReviewCandidate = {
  module: 'Contacts',
  id: '111',
  title: 'Pat Boyle',
  subtitle: 'at Zylker Biotech',
  score: 0.97,
  rule: 'unique',
  matched: [{ field: 'Phone', value: '9844444444', how: 'exact', similarity: 1 }],
  locked: false,
  fields: [line('Phone', '9844444444', '9844444444', true), line('Title', '', 'CTO'), line('Mobile', '555', '556'), line('Fax', '777', ''), line('Skype', 'pb', null)],
};

describe('merge winners', () => {
  it('fills only blank fields under fill-blanks', () => {
    const w = candidate.fields.map((l) => lineWinner(l, 'fill-blanks', {}));
    expect(w).toEqual(['existing', 'incoming', 'existing', 'existing', 'existing']);
    expect(changedLines(candidate, 'fill-blanks', {})).toBe(1);
  });

  it('takes every non-blank incoming value under incoming-wins, never a blank one', () => {
    const w = candidate.fields.map((l) => lineWinner(l, 'incoming-wins', {}));
    expect(w).toEqual(['incoming', 'incoming', 'incoming', 'existing', 'existing']);
    expect(changedLines(candidate, 'incoming-wins', {})).toBe(2);
  });

  it('follows picks, with unpicked fields as fill-blanks, and never picks a field the file lacks', () => {
    expect(lineWinner(line('Mobile', '555', '556'), 'pick', { Mobile: 'incoming' })).toBe('incoming');
    expect(lineWinner(line('Title', '', 'CTO'), 'pick', {})).toBe('incoming');
    expect(lineWinner(line('Skype', 'pb', null), 'pick', { Skype: 'incoming' })).toBe('existing');
  });

  it('switching to per-field picks starts from what the previous rule did', () => {
    const d = { row: 4, tab: { kind: 'candidate' as const, index: 0 }, rule: 'incoming-wins' as const, picks: {}, survivor: null, clusterPicks: {} };
    const item = { row: 4, title: 'Pat Boyle', module: 'Leads', incoming: [], candidates: [candidate], cluster: null, decision: null };
    expect(withRule(d, item, 'pick').picks).toEqual({ Phone: 'incoming', Title: 'incoming', Mobile: 'incoming', Fax: 'existing' });
  });

  it('turns a rule into explicit picks and sends them with a pick merge', () => {
    const picks = picksFromRule(candidate, 'incoming-wins', {});
    expect(picks).toEqual({ Phone: 'incoming', Title: 'incoming', Mobile: 'incoming', Fax: 'existing' });
    const d = mergeDecision(candidate, { row: 4, tab: { kind: 'candidate', index: 0 }, rule: 'pick', picks: { Mobile: 'existing' }, survivor: null, clusterPicks: {} });
    expect(d).toEqual({ action: 'merge', module: 'Contacts', id: '111', rule: 'pick', picks: { Phone: 'existing', Title: 'incoming', Mobile: 'existing', Fax: 'existing' } });
    const rule = mergeDecision(candidate, { row: 4, tab: { kind: 'candidate', index: 0 }, rule: 'fill-blanks', picks: { Mobile: 'incoming' }, survivor: null, clusterPicks: {} });
    expect(rule).toEqual({ action: 'merge', module: 'Contacts', id: '111', rule: 'fill-blanks', picks: {} });
  });
});

const cluster: ReviewCluster = {
  id: 3,
  survivor: null,
  suggestedSurvivor: 12,
  fields: [
    { field: 'Last_Name', label: 'Last Name' },
    { field: 'Email', label: 'Email' },
    { field: 'Phone', label: 'Phone' },
  ],
  rows: [
    { row: 4, title: 'Ann Lee', score: 0.93, matched: [], values: { Last_Name: 'Lee', Email: 'ann@x.com', Phone: '' }, decision: null },
    { row: 12, title: 'Ann Lee', score: 1, matched: [], values: { Last_Name: 'Lee', Email: '', Phone: '123' }, decision: null },
  ],
};

describe('cluster merge', () => {
  it('keeps the survivor’s own values and fills its blanks from another member', () => {
    const picks = defaultClusterPicks(cluster, 12);
    expect(picks).toEqual({ Last_Name: 12, Email: 4, Phone: 12 });
    expect(clusterValues(cluster, 12, picks)).toEqual({ Email: 'ann@x.com' });
  });

  it('moves the survivor’s own picks to a new survivor, keeping values picked from others', () => {
    const d = { row: 4, tab: { kind: 'cluster' as const }, rule: 'fill-blanks' as const, picks: {}, survivor: 12, clusterPicks: { Last_Name: 12, Email: 4, Phone: 12 } };
    expect(withSurvivor(d, 4).clusterPicks).toEqual({ Last_Name: 4, Email: 4, Phone: 4 });
    expect(withSurvivor(d, 4).survivor).toBe(4);
  });

  it('sends a value chosen from another member, and nothing for unchanged fields', () => {
    expect(clusterValues(cluster, 4, { Last_Name: 4, Email: 4, Phone: 12 })).toEqual({ Phone: '123' });
  });
});

const item = (over: Partial<ReviewItem>): ReviewItem => ({ row: 4, title: 'Pat Boyle', module: 'Leads', incoming: [], candidates: [candidate], cluster: null, decision: null, ...over });

describe('the starting draft and the words', () => {
  it('reopens a merge decision on its candidate with its rule and picks', () => {
    const other = { ...candidate, id: '222', title: 'P. Boyle' };
    const d = initialDraft(item({ candidates: [candidate, other], decision: { action: 'merge', module: 'Contacts', id: '222', rule: 'pick', picks: { Title: 'existing' } } }));
    expect(d.tab).toEqual({ kind: 'candidate', index: 1 });
    expect(d.rule).toBe('pick');
    expect(d.picks).toEqual({ Title: 'existing' });
  });

  it('opens a row with only in-file duplicates on its cluster, with the suggested survivor', () => {
    const d = initialDraft(item({ candidates: [], cluster }));
    expect(d.tab).toEqual({ kind: 'cluster' });
    expect(d.survivor).toBe(12);
  });

  it('says what a Lead already is, per module', () => {
    const account = { ...candidate, module: 'Accounts', id: '9', title: 'Zylker Biotech', subtitle: 'Bangalore' };
    expect(whatItIs(item({ candidates: [candidate, account], cluster }), 'Leads')).toEqual([
      'Already a Contact: Pat Boyle at Zylker Biotech',
      'Company is an existing Account: Zylker Biotech',
      'Appears 2 times in this file: rows 4, 12',
    ]);
  });

  it('labels decisions and scores plainly', () => {
    expect(decisionLabel({ action: 'merge', module: 'Contacts', id: '4876876000000520001', rule: 'fill-blanks', picks: {} }, 'Pat Boyle')).toBe('Merge → Contact Pat Boyle');
    expect(decisionLabel({ action: 'merge-row', survivor: 12 })).toBe('Merged into row 12');
    expect(formatScore(0.996)).toBe('99%');
    expect(formatScore(1)).toBe('100%');
  });
});
