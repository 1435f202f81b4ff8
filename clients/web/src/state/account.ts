/**
 * Signing in and registering. Signing in with a guest cart in this browser makes that cart the
 * customer's (the API merges their open cart into it); without one, the account page picks up the
 * customer's own open cart (adoptAccountCart), so a cart started on another device is here too.
 */
import { CartBuyerIdentityUpdateDocument, LogInDocument, RegisterDocument } from '../../generated/graphql.ts';
import { api, type UserErrorShape } from '../api.ts';
import { rememberCart, session, signIn } from './session.ts';

export async function logIn(email: string, password: string): Promise<readonly UserErrorShape[]> {
  const { customerAccessTokenCreate: result } = await api.mutate(LogInDocument, { input: { email, password } });
  if (!result.customerAccessToken) return result.userErrors;
  signIn(result.customerAccessToken.accessToken);
  await claimGuestCart();
  return [];
}

export async function register(input: { email: string; password: string; firstName: string; lastName: string }): Promise<readonly UserErrorShape[]> {
  const { customerCreate } = await api.mutate(RegisterDocument, { input });
  if (customerCreate.userErrors.length > 0) return customerCreate.userErrors;
  return logIn(input.email, input.password);
}

async function claimGuestCart(): Promise<void> {
  const { cartId } = session.get();
  if (!cartId) return;
  try {
    const { cartBuyerIdentityUpdate } = await api.mutate(CartBuyerIdentityUpdateDocument, { cartId, buyerIdentity: {} });
    // Refused (expired, completed): forget it; the account page then picks up the customer's own cart.
    rememberCart(cartBuyerIdentityUpdate.cart?.id ?? null, cartBuyerIdentityUpdate.cart?.totalQuantity ?? 0);
  } catch {
    // Signed in either way; checkout claims the cart again if it must (CART_NOT_CLAIMED).
  }
}

/** The customer's open cart, as the account page read it, when this browser remembers none. */
export function adoptAccountCart(cart: { id: string; totalQuantity: number } | null | undefined): void {
  if (cart && !session.get().cartId) rememberCart(cart.id, cart.totalQuantity);
}
