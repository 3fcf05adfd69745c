/**
 * The scroll position (read once per animation frame) and the visible height below a sticky
 * header, of a scrolling grid element: what a virtualised grid needs to pick its rows.
 */
import { useEffect, useState, type RefObject } from 'react';

/** `setScrollTop` lets a grid that jumps (a new view starts at the top) render at once, not a frame later. */
export function useScrollViewport(
  ref: RefObject<HTMLElement | null>,
  headerHeight: number,
): { scrollTop: number; viewport: number; setScrollTop: (top: number) => void } {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    let frame = 0;
    const onScroll = (): void => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          setScrollTop(el.scrollTop);
        });
      }
    };
    const measure = (): void => setViewport(Math.max(0, el.clientHeight - headerHeight));
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [ref, headerHeight]);
  return { scrollTop, viewport, setScrollTop };
}
