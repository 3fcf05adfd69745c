/**
 * One tab per candidate (module, name, score, the rule that found it), and a last tab for the
 * row's cluster inside the file. Arrows move between tabs; keys 1–9 work from anywhere.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { ReviewTab } from '../../store/review-merge-plan';
import type { ReviewItem } from '../../store/review-types';
import { scoreClass } from './QueueOption';
import { formatScore, matchRuleLabel, moduleSingular } from './review-text';

/** Props of CandidateTabs. */
export interface CandidateTabsProps {
  item: ReviewItem;
  tab: ReviewTab;
  panelId: string;
  tabId(position: number): string;
  onChoose(tab: ReviewTab): void;
}

/** The tab strip. */
export function CandidateTabs({ item, tab, panelId, tabId, onChoose }: CandidateTabsProps): ReactNode {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const tabs: { tab: ReviewTab; title: string; sub: string; score: number | null; locked: boolean }[] = item.candidates.map((c, index) => ({
    tab: { kind: 'candidate', index },
    title: `${moduleSingular(c.module)} · ${c.title || '(no name)'}`,
    sub: matchRuleLabel(c.rule),
    score: c.score,
    locked: c.locked,
  }));
  if (item.cluster !== null) {
    const others = item.cluster.rows.filter((r) => r.row !== item.row);
    const best = others.reduce<number | null>((b, r) => (b === null || r.score > b ? r.score : b), null);
    tabs.push({
      tab: { kind: 'cluster' },
      title: `In this file · ${item.cluster.rows.length} rows`,
      sub: `rows ${item.cluster.rows.map((r) => r.row).sort((a, b) => a - b).join(', ')}`,
      score: best,
      locked: false,
    });
  }
  const current = tabs.findIndex((t) => same(t.tab, tab));

  const onKeyDown = (e: KeyboardEvent): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    e.stopPropagation();
    const next = (Math.max(0, current) + step + tabs.length) % tabs.length;
    const t = tabs[next];
    if (t !== undefined) {
      onChoose(t.tab);
      refs.current[next]?.focus();
    }
  };

  return (
    <div className="candidate-tabs" role="tablist" aria-label="Candidates" onKeyDown={onKeyDown}>
      {tabs.map((t, i) => (
        <button
          key={i}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabId(i)}
          aria-selected={i === current}
          aria-controls={panelId}
          tabIndex={i === current ? 0 : -1}
          className={`candidate-tab${i === current ? ' is-on' : ''}`}
          title={i < 9 ? `Key ${i + 1}` : undefined}
          onClick={() => onChoose(t.tab)}
        >
          <span className="tab-title">
            {i < 9 && (
              <kbd className="tab-key" aria-hidden="true">
                {i + 1}
              </kbd>
            )}
            {t.title}
            {t.score !== null && <span className={`score ${scoreClass(t.score)}`}>{formatScore(t.score)}</span>}
          </span>
          <span className="tab-sub">
            {t.sub}
            {t.locked ? ' · locked in Zoho' : ''}
          </span>
        </button>
      ))}
    </div>
  );
}

function same(a: ReviewTab, b: ReviewTab): boolean {
  return a.kind === b.kind && (a.kind === 'cluster' || (b.kind === 'candidate' && a.index === b.index));
}
