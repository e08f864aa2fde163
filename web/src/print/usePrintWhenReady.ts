import { useEffect } from 'react';

/**
 * Opens the browser's print dialog once `ready` content has been drawn (the next frame after React
 * committed it), and calls `done` when the dialog closes — for pages that load more than they show
 * (every filtered task instead of one page) only to print it.
 */
export function usePrintWhenReady(ready: boolean, done: () => void): void {
  useEffect(() => {
    if (!ready) return;
    window.addEventListener('afterprint', done, { once: true });
    const frame = window.requestAnimationFrame(() => window.setTimeout(() => window.print(), 0));
    return () => {
      window.cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', done);
    };
  }, [ready, done]);
}

/**
 * Width of A4 portrait's printable area in CSS pixels: 210 mm less the 27 mm of side margins of
 * print.css's @page, at 96 px per inch (≈ 691 px), rounded down for borders.
 */
export const A4_PRINT_WIDTH_PX = 680;

/**
 * Calls `before` when the page is about to be printed and `after` when printing is over: the
 * `beforeprint`/`afterprint` events of a print dialog, and the switch to and from print media (which is
 * all a headless browser's "save as PDF" does).
 */
export function usePrintMedia(before: () => void, after: () => void): void {
  useEffect(() => {
    const query = window.matchMedia('print');
    const onChange = (e: MediaQueryListEvent) => (e.matches ? before() : after());
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    query.addEventListener('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      query.removeEventListener('change', onChange);
    };
  }, [before, after]);
}
