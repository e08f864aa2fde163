import { useEffect } from 'react';

/** Browser tab titles name the page, which helps users who keep several tabs open. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — planwatch`;
  }, [title]);
}
