/**
 * A segmented choice (radio group of buttons): one tab stop, arrows move the choice.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** Props of Segmented. */
export interface SegmentedProps<T extends string> {
  /** Accessible name of the group. */
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange(value: T): void;
}

/** Buttons with role="radio" in a radiogroup, so tests and screen readers see radios. */
export function Segmented<T extends string>({ label, options, value, onChange }: SegmentedProps<T>): ReactNode {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(0, options.findIndex((o) => o.value === value));

  const onKeyDown = (e: KeyboardEvent): void => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = (current + step + options.length) % options.length;
    const option = options[next];
    if (option !== undefined) {
      onChange(option.value);
      refs.current[next]?.focus();
    }
  };

  return (
    <div className="segmented" role="radiogroup" aria-label={label} onKeyDown={onKeyDown}>
      <span className="toolbar-caption" aria-hidden="true">
        {label}
      </span>
      {options.map((o, i) => (
        <button
          key={o.value}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          tabIndex={i === current ? 0 : -1}
          className={`segment${o.value === value ? ' is-on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
