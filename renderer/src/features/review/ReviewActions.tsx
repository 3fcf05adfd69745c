/**
 * What the user can do with the selected row: the merge rule, then merge / create / skip /
 * clear, each with its key shown.
 */
import type { ReactNode } from 'react';
import type { MergeRule } from '../../../../shared/domain/review';
import { Segmented } from '../../components/Segmented';
import type { ReviewDraft } from '../../store/review-merge-plan';
import type { ReviewItem } from '../../store/review-types';
import { moduleSingular } from './review-text';

const RULES: { value: MergeRule; label: string }[] = [
  { value: 'pick', label: 'Pick per field' },
  { value: 'fill-blanks', label: 'Fill blanks only' },
  { value: 'incoming-wins', label: 'Incoming wins' },
];

const RULE_HINT: Record<MergeRule, string> = {
  pick: 'The radios say which value each field keeps.',
  'fill-blanks': 'Existing values stay; incoming values fill only the fields that are blank. Click a value to choose per field.',
  'incoming-wins': 'Every incoming value replaces the existing one; blank incoming values change nothing. Click a value to choose per field.',
};

/** Props of ReviewActions. */
export interface ReviewActionsProps {
  item: ReviewItem;
  draft: ReviewDraft;
  busy: boolean;
  onRule(rule: MergeRule): void;
  onDecide(action: 'merge' | 'create' | 'skip' | 'clear'): void;
}

/** The rule choice and the action buttons. */
export function ReviewActions({ item, draft, busy, onRule, onDecide }: ReviewActionsProps): ReactNode {
  const tab = draft.tab;
  const candidate = tab.kind === 'candidate' ? item.candidates[tab.index] : undefined;
  let mergeText = 'Merge';
  let mergeBlocked: string | null = null;
  if (candidate !== undefined) {
    mergeText = `Merge into ${moduleSingular(candidate.module)} ${candidate.title}`;
    if (candidate.locked) mergeBlocked = 'This record is locked in Zoho: it cannot be merged into.';
  } else if (item.cluster !== null && draft.survivor !== null) {
    const n = item.cluster.rows.length;
    mergeText = `${item.cluster.survivor !== null ? 'Merge again: ' : ''}Merge ${n} rows into row ${draft.survivor}`;
  }
  // Once its cluster is merged into it, the surviving row's own question is create or skip.
  const mergedHere = tab.kind === 'cluster' && item.cluster !== null && item.cluster.survivor === item.row;
  // A row split out of its cluster has nothing left to merge with.
  const lone = item.candidates.length === 0 && item.cluster === null;
  return (
    <div className="review-actions">
      {candidate !== undefined && (
        <div className="rule-choice">
          <Segmented label="Merge rule" options={RULES} value={draft.rule} onChange={onRule} />
          <p className="muted rule-hint">{RULE_HINT[draft.rule]}</p>
        </div>
      )}
      <div className="button-row wrap">
        {!lone && (
          <button
            type="button"
            className={`button${mergedHere ? '' : ' button-primary'}`}
            disabled={busy || mergeBlocked !== null}
            onClick={() => onDecide('merge')}
            title="Key M"
            aria-keyshortcuts="M"
          >
            {mergeText}
            <kbd aria-hidden="true">M</kbd>
          </button>
        )}
        <button type="button" className={`button${mergedHere || lone ? ' button-primary' : ''}`} disabled={busy} onClick={() => onDecide('create')} title="Key C" aria-keyshortcuts="C">
          {tab.kind === 'cluster' && item.cluster !== null ? `Create row ${item.row} as new` : 'Create new record'}
          <kbd aria-hidden="true">C</kbd>
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onDecide('skip')} title="Key S" aria-keyshortcuts="S">
          {tab.kind === 'cluster' && item.cluster !== null ? `Skip row ${item.row}` : 'Skip row'}
          <kbd aria-hidden="true">S</kbd>
        </button>
        {item.decision !== null && (
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => onDecide('clear')} title="Key Delete" aria-keyshortcuts="Delete">
            Clear decision
          </button>
        )}
      </div>
      {mergeBlocked !== null && <p className="notice notice-warning">{mergeBlocked}</p>}
    </div>
  );
}
