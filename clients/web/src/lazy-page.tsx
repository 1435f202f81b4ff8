/**
 * A page loaded on first visit (its own chunk): the home and listing pages ship in the entry, the rest
 * (product, cart, checkout, account) only when the shopper goes there.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from './routes.ts';

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

export const lazyPage = (load: Loader<PageProps>) => lazyComponent(load);

/** A component in its own chunk, fetched the first time it renders. */
export function lazyComponent<P extends object>(load: Loader<P>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyComponent(props: P) {
    const [Page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      load().then(
        (module) => setPage(() => (loaded = module.default)),
        () => setFailed(true),
      );
    }, []);
    if (failed) return <p role="alert">This page could not be loaded. Check your connection and reload.</p>;
    return Page ? <Page {...props} /> : <p class="loading">Loading…</p>;
  };
}
