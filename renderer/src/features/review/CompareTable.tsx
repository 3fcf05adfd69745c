/**
 * Incoming row vs existing record, one line per field: differing values highlighted, matched
 * fields marked with how they matched, and a radio per side saying which value the merge keeps.
 *
 * Keys on a line's radio: ↑/↓ move between lines, ← keeps the incoming value, → the existing
 * one, Space swaps.
 */
import { useId, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { FieldWinner, MergeRule } from '../../../../shared/domain/review';
import { lineWinner } from '../../store/review-merge-plan';
import type { CandidateField, ReviewCandidate } from '../../store/review-types';
import { evidenceLabel, moduleSingular } from './review-text';

/** Props of CompareTable. */
export interface CompareTableProps {
  row: number;
  candidate: ReviewCandidate;
  rule: MergeRule;
  picks: Readonly<Record<string, FieldWinner>>;
  onWinner(field: string, winner: FieldWinner): void;
  /** The table body, so the screen's F key can move focus into the lines. */
  bodyRef: RefObject<HTMLTableSectionElement | null>;
}

const isBlank = (v: string | null): boolean => v === null || v.trim() === '';

/** The comparison and the "what the merge changes" line above it. */
export function CompareTable({ row, candidate, rule, picks, onWinner, bodyRef }: CompareTableProps): ReactNode {
  const [showEmpty, setShowEmpty] = useState(false);
  const name = useId();
  const who = `${moduleSingular(candidate.module)} ${candidate.title}`;
  const lines = candidate.fields.filter((l) => showEmpty || l.matched || !isBlank(l.existing) || !isBlank(l.incoming));
  const hidden = candidate.fields.length - lines.length;
  const changes = candidate.fields.filter((l) => l.incoming !== null && !l.same && lineWinner(l, rule, picks) === 'incoming');

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>): void => {
    const input = e.target instanceof HTMLInputElement && e.target.type === 'radio' ? e.target : null;
    const tr = input?.closest('tr');
    const field = tr?.dataset.field;
    if (input === null || !tr || field === undefined) return;
    const line = candidate.fields.find((l) => l.field === field);
    if (line === undefined) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      e.stopPropagation();
      const next = (e.key === 'ArrowUp' ? tr.previousElementSibling : tr.nextElementSibling) as HTMLElement | null;
      next?.querySelector<HTMLInputElement>('input:checked, input:not(:disabled)')?.focus();
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      const winner: FieldWinner =
        e.key === 'ArrowLeft' ? 'incoming' : e.key === 'ArrowRight' ? 'existing' : lineWinner(line, rule, picks) === 'incoming' ? 'existing' : 'incoming';
      if (winner === 'incoming' && line.incoming === null) return;
      onWinner(field, winner);
      // Focus follows the value kept, as it would in a native radio group.
      tr.querySelector<HTMLInputElement>(`input[value="${winner}"]`)?.focus();
    }
  };

  return (
    <div className="compare">
      <p className="merge-effect">
        {changes.length === 0
          ? `A merge changes nothing on ${who}: it keeps every existing value.`
          : `A merge updates ${changes.length} ${changes.length === 1 ? 'field' : 'fields'} of ${who}: ${changes.map((l) => l.label).join(', ')}.`}
      </p>
      <table className="compare-table" aria-label={`Row ${row} compared with ${who}`}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">This row (incoming)</th>
            <th scope="col">Existing {moduleSingular(candidate.module)}</th>
          </tr>
        </thead>
        <tbody ref={bodyRef} onKeyDown={onKeyDown}>
          {lines.map((l) => (
            <CompareLine key={l.field} line={l} name={`${name}-${l.field}`} winner={lineWinner(l, rule, picks)} candidate={candidate} onWinner={onWinner} />
          ))}
        </tbody>
      </table>
      {(hidden > 0 || showEmpty) && (
        <button type="button" className="link-button compare-more" onClick={() => setShowEmpty((v) => !v)}>
          {showEmpty ? 'Hide fields that are empty on both sides' : `Show ${hidden} ${hidden === 1 ? 'field' : 'fields'} empty on both sides`}
        </button>
      )}
    </div>
  );
}

interface CompareLineProps {
  line: CandidateField;
  name: string;
  winner: FieldWinner;
  candidate: ReviewCandidate;
  onWinner(field: string, winner: FieldWinner): void;
}

function CompareLine({ line, name, winner, candidate, onWinner }: CompareLineProps): ReactNode {
  const evidence = candidate.matched.find((m) => m.field === line.field);
  // A conflict needs a value on both sides; a value on one side only is an addition, not a clash.
  const differs = !line.same && !isBlank(line.incoming) && !isBlank(line.existing);
  const adds = !line.same && !isBlank(line.incoming) && isBlank(line.existing);
  // The incoming value that matched tells what the file holds for a field it reaches by conversion.
  const incoming = line.incoming ?? (evidence !== undefined ? evidence.value : null);
  const classes = ['compare-line', line.matched ? 'is-matched' : '', differs ? 'is-diff' : '', adds ? 'is-add' : '', line.same ? 'is-same' : ''].filter(Boolean).join(' ');
  const how = evidence !== undefined && evidence.how !== 'exact' ? ` · ${evidenceLabel(evidence)}` : '';
  return (
    <tr className={classes} data-field={line.field}>
      <th scope="row">
        <span className="field-name">{line.label}</span>
        {line.matched && (
          <span className="match-tag" title={evidence ? `Matched on ${line.label}: “${evidence.value}” (${evidenceLabel(evidence)})` : 'Matched'}>
            ✓ matched{how}
          </span>
        )}
        {differs && <span className="diff-tag">differs</span>}
        {adds && <span className="add-tag">fills a blank</span>}
      </th>
      <td className={winner === 'incoming' ? 'is-winner' : undefined}>
        <label className="pick">
          <input
            type="radio"
            name={name}
            value="incoming"
            checked={winner === 'incoming'}
            disabled={line.incoming === null}
            aria-label={`${line.label}: incoming`}
            onChange={() => onWinner(line.field, 'incoming')}
          />
          <span className="pick-value">{incoming === null ? <span className="muted">not in this file</span> : incoming === '' ? <span className="muted">(blank)</span> : incoming}</span>
        </label>
      </td>
      <td className={winner === 'existing' ? 'is-winner' : undefined}>
        <label className="pick">
          <input type="radio" name={name} value="existing" checked={winner === 'existing'} aria-label={`${line.label}: existing`} onChange={() => onWinner(line.field, 'existing')} />
          <span className="pick-value">{line.existing === '' ? <span className="muted">(blank)</span> : line.existing}</span>
        </label>
      </td>
    </tr>
  );
}
