/**
 * Simulated conversions applied to the replica, newest first, each with its Undo.
 */
import type { ReactNode } from 'react';
import { formatDateTime } from '../../components/format';
import { useAppStore } from '../../store';

/** The list; nothing while there is none. */
export function SimulationList(): ReactNode {
  const sims = useAppStore((s) => s.convert.simulations);
  const undo = useAppStore((s) => s.undoSimulation);
  const busy = useAppStore((s) => s.convert.busy !== null);
  if (sims.length === 0) return null;
  return (
    <section className="convert-step" aria-labelledby="sims-title">
      <h3 id="sims-title" className="step-title">
        Simulations in the replica
      </h3>
      <p className="muted">Simulated records carry provisional ids (provisional-…) that Zoho never uses; later plans, previews and duplicate checks see them until undone.</p>
      <ul className="sim-list">
        {sims.map((s) => (
          <li key={s.id} className={s.undoneAt ? 'is-undone' : undefined}>
            <span className="sim-label">
              #{s.id} {s.label}
            </span>
            <span className="muted">{formatDateTime(s.createdAt)}</span>
            {s.undoneAt ? (
              <span className="muted">undone {formatDateTime(s.undoneAt)}</span>
            ) : (
              <button
                type="button"
                className="button button-small"
                disabled={busy || !s.canUndo}
                title={s.canUndo ? undefined : 'A later simulation changed the same records: undo it first.'}
                aria-label={`Undo simulation ${s.id}`}
                onClick={() => void undo(s.id)}
              >
                Undo
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
