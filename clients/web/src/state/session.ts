/**
 * Who is shopping and with which cart, kept in localStorage so a reload or a new tab carries on. The
 * token is the customer's bearer token; the cart id is unguessable, so holding it is owning a guest cart.
 */
import { createStore } from './store.ts';

const TOKEN_KEY = 'storefront.token';
const CART_KEY = 'storefront.cart';

interface Session {
  token: string | null;
  cartId: string | null;
  /** The cart's quantity for the header badge, so a page view needs no cart request to show it. */
  cartQuantity: number;
}

function readStored(): Session {
  const cart = safeParse(localStorage.getItem(CART_KEY)) as { id?: string; quantity?: number } | null;
  return { token: localStorage.getItem(TOKEN_KEY), cartId: cart?.id ?? null, cartQuantity: cart?.quantity ?? 0 };
}

export const session = createStore<Session>(readStored());

// Another tab signing in or out, or changing the cart, shows here too.
window.addEventListener('storage', (event) => {
  if (event.key === TOKEN_KEY || event.key === CART_KEY) session.set(readStored());
});

export const readToken = (): string | null => session.get().token;

export function signIn(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
  session.set({ ...session.get(), token });
}

/** Signing out forgets the cart too: a customer's cart is theirs, not the next person's at this browser. */
export function signOut(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(CART_KEY);
  session.set({ token: null, cartId: null, cartQuantity: 0 });
}

export function rememberCart(id: string | null, quantity = 0): void {
  if (id) localStorage.setItem(CART_KEY, JSON.stringify({ id, quantity }));
  else localStorage.removeItem(CART_KEY);
  session.set({ ...session.get(), cartId: id, cartQuantity: id ? quantity : 0 });
}

function safeParse(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
