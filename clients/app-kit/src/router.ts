/**
 * A history router small enough to read: the path below the app's base (Vite's BASE_URL: `/` for the
 * storefront, `/pos/` for the till), its query string, `navigate`, and a `Link` that keeps ctrl-click and
 * middle-click opening a new tab. The gateway answers every page path with index.html.
 */
import { h, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const base = (import.meta.env.BASE_URL ?? '/').replace(/\/$/, '');

export interface Route {
  /** The path below the base, always starting with `/`. */
  path: string;
  params: URLSearchParams;
}

function current(): Route {
  const { pathname, search } = window.location;
  const path = pathname.startsWith(base) ? pathname.slice(base.length) || '/' : pathname;
  return { path, params: new URLSearchParams(search) };
}

/** A path below the base, as the browser's address bar shows it. */
export function href(path: string): string {
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = href(path);
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  window.dispatchEvent(new Event('app:navigate'));
  if (!options.replace) window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener('popstate', update);
    window.addEventListener('app:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('app:navigate', update);
    };
  }, []);
  return route;
}

export interface LinkProps {
  href: string;
  children?: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | undefined;
}

export function Link(props: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  };
  return h('a', { ...props, href: href(props.href), onClick }, props.children);
}
