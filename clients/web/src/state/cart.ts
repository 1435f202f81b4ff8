/**
 * The cart, shared by the product page (add) and the cart page (everything else). Every mutation answers
 * the whole cart (CartDetails), which replaces ours: totals always come from the API, never from here.
 */
import {
  CartCreateDocument,
  CartDocument,
  CartLinesAddDocument,
  type CartDetailsFragment,
} from '../../generated/graphql.ts';
import { api, describeError, type UserErrorShape } from '../api.ts';
import { announce } from '../components/announcer.tsx';
import { rememberCart, session } from './session.ts';
import { createStore } from './store.ts';

export type Cart = CartDetailsFragment;

export interface CartState {
  cart: Cart | null;
  loading: boolean;
  error: string | null;
}

export const cartState = createStore<CartState>({ cart: null, loading: false, error: null });

export interface CartPayload {
  cart: Cart | null;
  userErrors: readonly UserErrorShape[];
}

/** Codes after which this cart can take no more changes: the next add starts a new one. */
const CLOSED = new Set(['CART_COMPLETED', 'CART_CHECKING_OUT', 'NOT_FOUND']);

export function showCart(cart: Cart | null): void {
  cartState.set({ cart, loading: false, error: null });
  rememberCart(cart && !cart.completedAt ? cart.id : null, cart?.totalQuantity ?? 0);
}

export async function loadCart(): Promise<void> {
  const id = session.get().cartId;
  if (!id) return showCart(null);
  cartState.set({ ...cartState.get(), loading: true, error: null });
  try {
    const { cart } = await api.query(CartDocument, { id });
    showCart(cart);
  } catch (error) {
    cartState.set({ ...cartState.get(), loading: false, error: describeError(error) });
  }
}

/**
 * Runs one cart mutation and shows its cart; the user errors come back for the form that asked. A
 * payload without a cart (refused as a whole) keeps the cart we have.
 */
export async function changeCart(run: () => Promise<CartPayload>, done: string): Promise<readonly UserErrorShape[]> {
  try {
    const payload = await run();
    if (payload.cart) showCart(payload.cart);
    // Errors are shown (role="alert") by the form that asked; only success goes to the live region.
    if (payload.userErrors.length === 0) announce(done);
    return payload.userErrors;
  } catch (error) {
    return [{ message: describeError(error), code: 'REQUEST_FAILED' }];
  }
}

export async function addToCart(merchandiseId: string, quantity: number): Promise<readonly UserErrorShape[]> {
  const lines = [{ merchandiseId, quantity }];
  const cartId = session.get().cartId;
  const added = `Added ${quantity} to your cart.`;
  if (cartId) {
    const errors = await changeCart(() => api.mutate(CartLinesAddDocument, { cartId, lines }).then((data) => data.cartLinesAdd), added);
    if (!errors.some((error) => CLOSED.has(error.code))) return errors;
  }
  return changeCart(() => api.mutate(CartCreateDocument, { input: { lines } }).then((data) => data.cartCreate), added);
}
