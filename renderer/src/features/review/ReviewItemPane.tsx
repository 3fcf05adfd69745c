/**
 * The selected row side by side with what it may duplicate: what it already is (in plain
 * words), a tab per candidate and one for its cluster in the file, the comparison, and the
 * actions.
 */
import { useId, type ReactNode, type RefObject } from 'react';
import type { ReviewDecision } from '../../../../shared/domain/review';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAppStore } from '../../store';
import type { ReviewItem } from '../../store/review-types';
import { CandidateTabs } from './CandidateTabs';
import { ClusterTable } from './ClusterTable';
import { CompareTable } from './CompareTable';
import { ReviewActions } from './ReviewActions';
import { decisionLabel, ruleLabel, whatItIs } from './review-text';

/** The decision of the row in words, with the merge target's name and rule. */
function decidedText(item: ReviewItem, d: ReviewDecision): string {
  if (d.action !== 'merge') return decisionLabel(d);
  const target = item.candidates.find((c) => c.module === d.module && c.id === d.id);
  return `${decisionLabel(d, target?.title ?? null)} (${ruleLabel(d.rule)})`;
}

/** Props of ReviewItemPane. */
export interface ReviewItemPaneProps {
  /** The comparison's body, for the F key. */
  fieldsRef: RefObject<HTMLTableSectionElement | null>;
}

/** The right-hand side of the review screen. */
export function ReviewItemPane({ fieldsRef }: ReviewItemPaneProps): ReactNode {
  const item = useAppStore((s) => s.review.item);
  const status = useAppStore((s) => s.review.itemStatus);
  const error = useAppStore((s) => s.review.itemError);
  const draft = useAppStore((s) => s.review.draft);
  const busy = useAppStore((s) => s.review.busy !== null);
  const module = useAppStore((s) => s.review.summary?.module ?? item?.module ?? '');
  const chooseTab = useAppStore((s) => s.chooseReviewTab);
  const setRule = useAppStore((s) => s.setMergeRule);
  const setWinner = useAppStore((s) => s.setFieldWinner);
  const setSurvivor = useAppStore((s) => s.setClusterSurvivor);
  const setPick = useAppStore((s) => s.setClusterPick);
  const split = useAppStore((s) => s.splitClusterRow);
  const decide = useAppStore((s) => s.decideSelected);
  const queueEmpty = useAppStore((s) => s.review.queue.status === 'ready' && s.review.queue.total === 0);
  const titleId = useId();
  const panelId = useId();
  const tabId = (i: number): string => `${panelId}-tab${i}`;

  if (status === 'error' && error !== null) {
    return (
      <section className="review-item" aria-label="Selected row">
        <ErrorMessage code={error.code} message={error.message} title="This row could not be read." />
      </section>
    );
  }
  if (item === null || draft === null) {
    return (
      <section className="review-item" aria-label="Selected row">
        {status === 'loading' ? (
          <p className="muted grid-note">Loading the row…</p>
        ) : (
          <EmptyState>{queueEmpty ? 'No row to compare under this filter.' : 'Select a row in the queue to compare it.'}</EmptyState>
        )}
      </section>
    );
  }
  const tab = draft.tab;
  const lone = item.candidates.length === 0 && item.cluster === null;
  const candidate = tab.kind === 'candidate' ? item.candidates[tab.index] : undefined;
  const tabPosition = tab.kind === 'candidate' ? tab.index : item.candidates.length;

  return (
    <section className="review-item" aria-labelledby={titleId} aria-busy={status === 'loading'}>
      <div className="item-head">
        <h3 className="item-title" id={titleId}>
          Row {item.row} · {item.title || '(no name)'}
        </h3>
        {item.decision !== null ? (
          <span className={`decision-badge decision-${item.decision.action}`} aria-label={`Decision: ${decidedText(item, item.decision)}`}>
            {decidedText(item, item.decision)}
          </span>
        ) : (
          <span className="badge">not decided</span>
        )}
      </div>
      {lone ? (
        <p className="notice">
          No duplicate is left for this row: it was split out of its cluster, or the records it matched are gone from the replica. Create it as a
          new record (C) or skip it (S).
        </p>
      ) : (
        <>
          <ul className="what-it-is" aria-label="What this row already is">
            {whatItIs(item, module).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <CandidateTabs item={item} tab={tab} panelId={panelId} tabId={tabId} onChoose={chooseTab} />
        </>
      )}
      <div className="tab-panel" role="tabpanel" id={panelId} aria-labelledby={tabId(tabPosition)}>
        {candidate !== undefined && (
          <CompareTable row={item.row} candidate={candidate} rule={draft.rule} picks={draft.picks} onWinner={setWinner} bodyRef={fieldsRef} />
        )}
        {tab.kind === 'cluster' && item.cluster !== null && draft.survivor !== null && (
          <ClusterTable
            row={item.row}
            cluster={item.cluster}
            survivor={draft.survivor}
            picks={draft.clusterPicks}
            busy={busy}
            onSurvivor={setSurvivor}
            onPick={setPick}
            onSplit={(r) => void split(r)}
            bodyRef={fieldsRef}
          />
        )}
      </div>
      <ReviewActions item={item} draft={draft} busy={busy || status !== 'ready'} onRule={setRule} onDecide={(a) => void decide(a)} />
    </section>
  );
}
