import { useEffect } from 'preact/hooks';

/** The document title names the page first, so a tab or a screen reader's page list tells them apart. */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = `${title} · Supergraph Store`;
  }, [title]);
}
