/**
 * "Bulk accept…": decides every open row whose best candidate reaches a score the user picks,
 * after showing how many rows that touches (`review.bulkPreview`), with the merge rule to
 * apply. The count shown is the one confirmed: the button waits for the preview of the score
 * on screen.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatCount } from '../../components/format';
import { Modal } from '../../components/Modal';
import { Segmented } from '../../components/Segmented';
import { useAppStore } from '../../store';
import type { BulkPreview } from '../../store/review-types';

const RULES: { value: 'fill-blanks' | 'incoming-wins'; label: string }[] = [
  { value: 'fill-blanks', label: 'Fill blanks only' },
  { value: 'incoming-wins', label: 'Incoming wins' },
];
const MIN_PERCENT = 50;

/** The preview in words. */
function previewText(p: BulkPreview, pct: number): ReactNode {
  if (p.rows === 0) {
    return <p>No open row has a candidate scoring {pct}% or more. Lower the score, or review the rows one by one.</p>;
  }
  return (
    <>
      <p>
        <strong>
          {formatCount(p.rows)} {p.rows === 1 ? 'row' : 'rows'}
        </strong>{' '}
        would be decided: {formatCount(p.toReplica)} merged into existing records, {formatCount(p.inBatch)} merged into another row of this file
        {p.created > 0 ? `, ${formatCount(p.created)} created as the surviving row of ${p.created === 1 ? 'its' : 'their'} copies` : ''}.
      </p>
      {p.alreadyDecided > 0 && (
        <p className="muted">
          {formatCount(p.alreadyDecided)} {p.alreadyDecided === 1 ? 'row' : 'rows'} at this score {p.alreadyDecided === 1 ? 'is' : 'are'} already decided and
          stay as {p.alreadyDecided === 1 ? 'it is' : 'they are'}.
        </p>
      )}
      {p.locked > 0 && (
        <p className="muted">
          {formatCount(p.locked)} {p.locked === 1 ? 'row whose best match is locked in Zoho stays' : 'rows whose best match is locked in Zoho stay'} open.
        </p>
      )}
    </>
  );
}

/** The dialog; the store holds its state so the preview survives re-renders. */
export function BulkAcceptDialog(): ReactNode {
  const bulk = useAppStore((s) => s.bulk);
  const close = useAppStore((s) => s.closeBulk);
  const setScore = useAppStore((s) => s.setBulkScore);
  const setRule = useAppStore((s) => s.setBulkRule);
  const confirm = useAppStore((s) => s.confirmBulk);
  const ids = { range: useId(), number: useId() };
  const pct = Math.round(bulk.minScore * 100);
  // The number box may hold a half-typed value; the score follows it once it is a valid one.
  const [typed, setTyped] = useState<string | null>(null);
  const current = bulk.status === 'ready' && bulk.previewFor === bulk.minScore ? bulk.preview : null;
  const canAccept = current !== null && current.rows > 0 && !bulk.accepting;

  const onTyped = (text: string): void => {
    setTyped(text);
    const n = Number(text);
    if (text.trim() !== '' && Number.isFinite(n) && n >= MIN_PERCENT && n <= 100) setScore(n / 100);
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (canAccept) void confirm();
  };

  return (
    <Modal title="Bulk accept duplicates" onDismiss={close} className="bulk-dialog">
      <form className="stack" onSubmit={submit}>
        <p className="muted">
          Decides every row still open whose best candidate scores at least this much: a match in the replica becomes a merge into that
          record; a row that appears twice in the file is merged into its best-filled copy. One step: Undo takes it all back.
        </p>
        <div className="field">
          <label htmlFor={ids.range}>Minimum score</label>
          <div className="score-input">
            <input
              id={ids.range}
              type="range"
              min={MIN_PERCENT}
              max={100}
              step={1}
              value={pct}
              onChange={(e) => {
                setTyped(null);
                setScore(Number(e.target.value) / 100);
              }}
              data-autofocus
            />
            <input
              id={ids.number}
              className="input input-narrow"
              type="number"
              min={MIN_PERCENT}
              max={100}
              step={1}
              aria-label="Minimum score in percent"
              value={typed ?? String(pct)}
              onChange={(e) => onTyped(e.target.value)}
              onBlur={() => setTyped(null)}
            />
            <span aria-hidden="true">%</span>
          </div>
        </div>
        <div className="bulk-preview" role="status" aria-label="Bulk accept preview" aria-busy={bulk.status === 'loading'}>
          {bulk.status === 'error' && bulk.error !== null ? (
            <ErrorMessage code={bulk.error.code} message={bulk.error.message} title="The rows could not be counted." />
          ) : current === null ? (
            <p className="muted">Counting the rows at {pct}% or more…</p>
          ) : (
            previewText(current, pct)
          )}
        </div>
        <Segmented label="Merge rule" options={RULES} value={bulk.rule} onChange={setRule} />
        <p className="muted">
          {bulk.rule === 'fill-blanks'
            ? 'Existing values stay; incoming values only fill blank fields.'
            : 'Incoming values replace existing ones; blank incoming values change nothing.'}
        </p>
        {bulk.accepting === false && bulk.error !== null && bulk.status !== 'error' && (
          <ErrorMessage code={bulk.error.code} message={bulk.error.message} title="Nothing was accepted." />
        )}
        <div className="button-row">
          <span className="spacer" />
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!canAccept}>
            {bulk.accepting ? 'Accepting…' : current !== null && current.rows > 0 ? `Accept ${formatCount(current.rows)} ${current.rows === 1 ? 'row' : 'rows'}` : 'Accept'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
