/** The storefront's pages by path. Ids in paths (orders) are URI-encoded global ids. */
import type { ComponentType } from 'preact';
import { lazyPage } from './lazy-page.tsx';
import { HomePage } from './pages/home.tsx';
import { ListingPage } from './pages/listing.tsx';
import { NotFoundPage } from './pages/not-found.tsx';

export interface PageProps {
  /** The path's variable part (a product handle, an order id), decoded. */
  id: string;
  params: URLSearchParams;
}

interface RouteDef {
  pattern: RegExp;
  page: ComponentType<PageProps>;
}

const ProductPage = lazyPage(() => import('./pages/product.tsx'));
const CartPage = lazyPage(() => import('./pages/cart.tsx'));
const CheckoutPage = lazyPage(() => import('./pages/checkout.tsx'));
const OrderPage = lazyPage(() => import('./pages/order.tsx'));
const AccountPage = lazyPage(() => import('./pages/account.tsx'));
const AccountOrderPage = lazyPage(() => import('./pages/account-order.tsx'));
const AddressesPage = lazyPage(() => import('./pages/addresses.tsx'));

const routes: RouteDef[] = [
  { pattern: /^\/$/, page: HomePage },
  { pattern: /^\/products\/?$/, page: ListingPage },
  { pattern: /^\/products\/([^/]+)$/, page: ProductPage },
  { pattern: /^\/cart$/, page: CartPage },
  { pattern: /^\/checkout$/, page: CheckoutPage },
  { pattern: /^\/orders\/([^/]+)$/, page: OrderPage },
  { pattern: /^\/account$/, page: AccountPage },
  { pattern: /^\/account\/addresses$/, page: AddressesPage },
  { pattern: /^\/account\/orders\/([^/]+)$/, page: AccountOrderPage },
];

export function matchRoute(path: string): { page: ComponentType<PageProps>; id: string } {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) return { page: route.page, id: match[1] ? decodeURIComponent(match[1]) : '' };
  }
  return { page: NotFoundPage, id: '' };
}

export const productPath = (handle: string) => `/products/${encodeURIComponent(handle)}`;
export const orderPath = (id: string) => `/orders/${encodeURIComponent(id)}`;
export const accountOrderPath = (id: string) => `/account/orders/${encodeURIComponent(id)}`;
