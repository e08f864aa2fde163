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
 * Calls `fn` when the page is about to be printed: the `beforeprint` event of a print dialog, and the
 * switch to print media (which is all a headless browser's "save as PDF" does).
 */
export function useBeforePrint(fn: () => void): void {
  useEffect(() => {
    const query = window.matchMedia('print');
    const onChange = (e: MediaQueryListEvent) => {
      if (e.matches) fn();
    };
    window.addEventListener('beforeprint', fn);
    window.addEventListener('afterprint', fn);
    query.addEventListener('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', fn);
      window.removeEventListener('afterprint', fn);
      query.removeEventListener('change', onChange);
    };
  }, [fn]);
}
