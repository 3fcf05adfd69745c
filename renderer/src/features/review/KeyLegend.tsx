/**
 * The review screen's keyboard legend: every key the screen answers to, in one compact list.
 */
import type { ReactNode } from 'react';

const MOD = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';

/** The keys and what they do (also the source of the buttons' titles). */
export const REVIEW_KEYS: readonly { keys: string; does: string }[] = [
  { keys: 'J / K', does: 'next / previous row (↓ ↑ in the queue)' },
  { keys: '1–9', does: 'choose a candidate tab' },
  { keys: 'M', does: 'merge' },
  { keys: 'C', does: 'create new' },
  { keys: 'S', does: 'skip' },
  { keys: 'Delete', does: 'clear the decision' },
  { keys: 'F', does: 'field lines: ↑↓ move, ← incoming, → existing, Space swaps' },
  { keys: 'R', does: 'next merge rule' },
  { keys: 'B', does: 'bulk accept' },
  { keys: `${MOD}Z / ${MOD}Shift+Z`, does: 'undo / redo' },
  { keys: '?', does: 'show or hide this legend' },
];

/** A one-line hint; the whole legend opens above it without taking the screen's room. */
export function KeyLegend({ open, onToggle }: { open: boolean; onToggle(): void }): ReactNode {
  return (
    <div className="key-legend">
      <p className="muted">
        <kbd>J</kbd>/<kbd>K</kbd> next/previous · <kbd>1</kbd>–<kbd>9</kbd> candidate · <kbd>M</kbd> merge · <kbd>C</kbd> create · <kbd>S</kbd> skip ·{' '}
        <kbd>F</kbd> fields · <kbd>{MOD}Z</kbd> undo
      </p>
      <button type="button" className="link-button" onClick={onToggle} aria-expanded={open} aria-keyshortcuts="?">
        {open ? 'Hide keys' : 'All keys (?)'}
      </button>
      {open && (
        <section className="key-popover" aria-label="Keyboard shortcuts">
          <dl className="key-list">
            {REVIEW_KEYS.map((k) => (
              <div key={k.keys} className="key-pair">
                <dt>
                  <kbd>{k.keys}</kbd>
                </dt>
                <dd>{k.does}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">Keys do nothing while you type in a field or while a dialog is open.</p>
        </section>
      )}
    </div>
  );
}
