import type { CartContext } from '../context.ts';
import { loadDraft, lockOpenCartOf, type CartDraft } from './cart-draft.ts';
import { MAX_DISCOUNT_CODES, MAX_LINES, MAX_QUANTITY } from './cart-input.ts';
import { isLive } from './ownership.ts';

/**
 * A signed-in customer touched a guest cart: it becomes theirs. If they already had an open cart, its
 * lines move into this one (this cart keeps its id: it is the one the shopper is looking at) and the
 * other becomes MERGED, pointing here; one found idle past its time becomes EXPIRED instead, its lines
 * stale. The customer's advisory lock (lockOpenCartOf) makes two claims by one customer take turns.
 */
export async function claimFor(tx: CartContext, draft: CartDraft, customerId: string, idleDays: number): Promise<void> {
  const other = await lockOpenCartOf(tx.em, customerId, draft.cart.id);
  draft.cart.customerId = customerId;
  if (!other) return;
  if (!isLive(other, idleDays)) {
    draft.retired.push({ id: other.id, status: 'EXPIRED' });
    return;
  }
  mergeInto(draft, await loadDraft(tx.em, other));
  draft.retired.push({ id: other.id, status: 'MERGED' });
}

/**
 * How two carts become one:
 * - a variant in both: one line, quantities summed (at most 999; stock is not checked here, a short
 *   line shows as a warning like any other);
 * - a variant only in the other cart: a new line here, after this cart's own, while the cart holds
 *   fewer than 100 lines and the line is in this cart's currency;
 * - codes: this cart's, then the other's, at most 10; email and country fill in only what is missing.
 * Nothing is deleted: lines that could not come along stay on the MERGED cart, for the record.
 */
export function mergeInto(draft: CartDraft, other: CartDraft): void {
  for (const line of other.lines) {
    const same = draft.lines.find((mine) => mine.variantId === line.variantId);
    if (same) {
      same.quantity = Math.min(MAX_QUANTITY, same.quantity + line.quantity);
      continue;
    }
    const currency = draft.lines[0]?.currencyCode ?? line.currencyCode;
    if (draft.lines.length >= MAX_LINES || line.currencyCode !== currency) continue;
    draft.lines.push({ ...line, id: crypto.randomUUID() });
  }
  for (const code of other.codes) {
    if (draft.codes.length < MAX_DISCOUNT_CODES && !draft.codes.includes(code)) {
      draft.codes.push(code);
      draft.codesChanged = true;
    }
  }
  draft.cart.email ??= other.cart.email;
  draft.cart.buyerCountryCode ??= other.cart.buyerCountryCode;
}
