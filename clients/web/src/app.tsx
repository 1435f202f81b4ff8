/**
 * The page frame: a skip link, the header (brand, search, navigation with the cart's quantity), the
 * page in <main>, and the live region. Navigating moves focus to <main>, so a screen reader starts at the
 * new page and a keyboard user's next Tab is inside it.
 */
import { useEffect, useRef } from 'preact/hooks';
import { Link, navigate, useRoute } from '../../app-kit/src/router.ts';
import { Announcer } from './components/announcer.tsx';
import { matchRoute } from './routes.ts';
import { session } from './state/session.ts';
import { useStore } from './state/store.ts';

export function App() {
  const route = useRoute();
  const { page: Page, id } = matchRoute(route.path);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [route.path]);

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header path={route.path} />
      <main id="main" ref={main} tabIndex={-1}>
        <Page key={route.path} id={id} params={route.params} />
      </main>
      <footer class="site-footer">
        <p>Supergraph Store — a reference storefront on the supergraph-commerce API.</p>
      </footer>
      <Announcer />
    </>
  );
}

function Header({ path }: { path: string }) {
  const { token, cartQuantity } = useStore(session);
  const current = (prefix: string) => (path === prefix || (prefix !== '/' && path.startsWith(prefix)) ? 'page' : undefined);
  const onSearch = (event: Event) => {
    event.preventDefault();
    const query = new FormData(event.currentTarget as HTMLFormElement).get('q')?.toString().trim() ?? '';
    navigate(query ? `/products?q=${encodeURIComponent(query)}` : '/products');
  };
  return (
    <header class="site-header">
      <Link href="/" class="brand">
        Supergraph Store
      </Link>
      <form role="search" aria-label="Site search" class="header-search" onSubmit={onSearch}>
        <label for="header-search">Search products</label>
        <input id="header-search" name="q" type="search" autoComplete="off" />
        <button type="submit">Search</button>
      </form>
      <nav aria-label="Main">
        <ul>
          <li>
            <Link href="/products" aria-current={current('/products')}>
              Shop
            </Link>
          </li>
          <li>
            <Link href="/account" aria-current={current('/account')}>
              {token ? 'Account' : 'Sign in'}
            </Link>
          </li>
          <li>
            <Link href="/cart" aria-current={current('/cart')}>
              Cart <span class="badge">{cartQuantity}</span>
              <span class="visually-hidden"> {cartQuantity === 1 ? 'item' : 'items'}</span>
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
