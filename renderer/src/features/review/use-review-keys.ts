/**
 * The review screen's keys, listened to on the whole window while the screen shows.
 *
 * They never fire while the user types in a text field or while a dialog is open, and the
 * deciding keys ignore auto-repeat, so holding S does not skip a hundred rows.
 */
import { useEffect, useRef } from 'react';

/** What the keys do; the screen passes its store actions. */
export interface ReviewKeyActions {
  move(delta: number): void;
  tab(position: number): void;
  decide(action: 'merge' | 'create' | 'skip' | 'clear'): void;
  focusFields(): void;
  cycleRule(): void;
  openBulk(): void;
  undo(): void;
  redo(): void;
  toggleLegend(): void;
}

/** True when a key event comes from a field whose own keys must keep working. */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Installs the key handler; `actions` may change every render. */
export function useReviewKeys(actions: ReviewKeyActions): void {
  const ref = useRef(actions);
  ref.current = actions;

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || typingIn(e.target) || document.querySelector('dialog[open]') !== null) return;
      const a = ref.current;
      const key = e.key.toLowerCase();
      if (e.ctrlKey || e.metaKey) {
        if (e.altKey) return;
        if (key === 'z' && !e.shiftKey) a.undo();
        else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.metaKey)) a.redo();
        else return;
        e.preventDefault();
        return;
      }
      if (e.altKey) return;
      const deciding: Record<string, 'merge' | 'create' | 'skip' | 'clear'> = { m: 'merge', c: 'create', s: 'skip', delete: 'clear', backspace: 'clear' };
      const decision = deciding[key];
      if (decision !== undefined) {
        if (!e.repeat) a.decide(decision);
      } else if (key === 'j') {
        a.move(1);
      } else if (key === 'k') {
        a.move(-1);
      } else if (/^[1-9]$/.test(key)) {
        a.tab(Number(key) - 1);
      } else if (key === 'f') {
        a.focusFields();
      } else if (key === 'r') {
        a.cycleRule();
      } else if (key === 'b') {
        a.openBulk();
      } else if (e.key === '?') {
        a.toggleLegend();
      } else {
        return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
