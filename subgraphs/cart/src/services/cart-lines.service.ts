import { assertNoInputErrors, userError, type UserError } from '#kit';
import type { CartContext } from '../context.ts';
import type { Cart } from '../entities/cart.entity.ts';
import { CartErrorCode } from './cart-errors.ts';
import { MAX_LINES, MAX_QUANTITY, readLineIds, readLinesToAdd, readLinesToUpdate, type LineToAdd } from './cart-input.ts';
import { changeCart, type CartChange, type Facts } from './cart-mutation.ts';
import type { CartDraft } from './cart-draft.ts';

const stockMessage = (available: number) =>
  available === 0 ? 'This item is out of stock.' : `Only ${available} of this item ${available === 1 ? 'is' : 'are'} available.`;

/**
 * Adds variants to a draft: a variant already in the cart adds to its line. Refuses, on the input's
 * fields, variants the catalog does not know or has archived, another currency than the cart's, more
 * than 999 on a line, more than inventory can sell, and a 101st line. Every problem is reported at once.
 */
export async function addToDraft(draft: CartDraft, facts: Facts, lines: readonly LineToAdd[], linesField: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  const ids = lines.map((line) => line.variantId);
  const [variants, stock] = await Promise.all([facts.variants(ids), facts.available(ids)]);
  const errors: UserError[] = [];
  for (const { variantId, quantity, field } of lines) {
    const variant = variants.get(variantId);
    const merchandise = [...field, 'merchandiseId'];
    if (!variant) {
      errors.push(userError(CartErrorCode.MERCHANDISE_NOT_FOUND, 'No such product variant.', merchandise));
      continue;
    }
    if (variant.productStatus !== 'ACTIVE') {
      errors.push(userError(CartErrorCode.MERCHANDISE_UNAVAILABLE, 'This product is no longer sold.', merchandise));
      continue;
    }
    const currency = draft.lines[0]?.currencyCode;
    if (currency !== undefined && currency !== variant.currencyCode) {
      errors.push(userError(CartErrorCode.CURRENCY_MISMATCH, `This cart is in ${currency}; this item is priced in ${variant.currencyCode}.`, merchandise));
      continue;
    }
    const existing = draft.lines.find((line) => line.variantId === variantId);
    const total = (existing?.quantity ?? 0) + quantity;
    if (total > MAX_QUANTITY) {
      errors.push(userError(CartErrorCode.INVALID, `A line holds at most ${MAX_QUANTITY}; this one would hold ${total}.`, [...field, 'quantity']));
      continue;
    }
    const available = stock.get(variantId) ?? 0;
    if (total > available) {
      errors.push(userError(CartErrorCode.NOT_ENOUGH_STOCK, stockMessage(available), [...field, 'quantity']));
      continue;
    }
    if (existing) {
      existing.quantity = total;
    } else if (draft.lines.length >= MAX_LINES) {
      errors.push(userError(CartErrorCode.LINE_LIMIT_REACHED, `A cart holds at most ${MAX_LINES} lines.`, [...linesField]));
    } else {
      draft.lines.push({ ...variant, id: crypto.randomUUID(), quantity, unitPriceMinor: variant.priceMinor, snapshotAt: null });
    }
  }
  assertNoInputErrors(errors);
}

export async function addLines(ctx: CartContext, cartId: string, input: readonly { merchandiseId: string; quantity?: number | null }[]): Promise<Cart> {
  const errors: UserError[] = [];
  const lines = readLinesToAdd(input, ['lines'], errors);
  assertNoInputErrors(errors);
  const ids = lines.map((line) => line.variantId);
  const change: CartChange = {
    variantIds: ids,
    stockFor: () => ids,
    apply: (draft, facts) => addToDraft(draft, facts, lines, ['lines']),
  };
  return changeCart(ctx, cartId, change);
}

/**
 * Sets line quantities; 0 removes the line. Raising a quantity is checked against stock (and refused
 * for an archived product); lowering never is, so a shopper can always take some back.
 */
export async function updateLines(ctx: CartContext, cartId: string, input: readonly { id: string; quantity: number }[]): Promise<Cart> {
  const errors: UserError[] = [];
  const updates = readLinesToUpdate(input, errors);
  assertNoInputErrors(errors);
  const lineIds = new Set(updates.map((update) => update.lineId));
  return changeCart(ctx, cartId, {
    stockFor: (lines) => lines.filter((line) => lineIds.has(line.id)).map((line) => line.variantId),
    async apply(draft, facts) {
      const touched = draft.lines.filter((line) => lineIds.has(line.id)).map((line) => line.variantId);
      const [variants, stock] = await Promise.all([facts.variants(touched), facts.available(touched)]);
      const problems: UserError[] = [];
      for (const { lineId, quantity, field } of updates) {
        const line = draft.lines.find((candidate) => candidate.id === lineId);
        if (!line) {
          problems.push(userError(CartErrorCode.NOT_FOUND, 'No such line in this cart.', [...field, 'id']));
        } else if (quantity === 0) {
          draft.lines = draft.lines.filter((candidate) => candidate !== line);
          draft.removedLineIds.add(line.id);
        } else if (quantity > line.quantity && variants.get(line.variantId)?.productStatus !== 'ACTIVE') {
          problems.push(userError(CartErrorCode.MERCHANDISE_UNAVAILABLE, 'This product is no longer sold.', [...field, 'quantity']));
        } else if (quantity > line.quantity && quantity > (stock.get(line.variantId) ?? 0)) {
          problems.push(userError(CartErrorCode.NOT_ENOUGH_STOCK, stockMessage(stock.get(line.variantId) ?? 0), [...field, 'quantity']));
        } else {
          line.quantity = quantity;
        }
      }
      assertNoInputErrors(problems);
    },
  });
}

export async function removeLines(ctx: CartContext, cartId: string, ids: readonly string[]): Promise<Cart> {
  const errors: UserError[] = [];
  const removals = readLineIds(ids, errors);
  assertNoInputErrors(errors);
  return changeCart(ctx, cartId, {
    async apply(draft) {
      const problems: UserError[] = [];
      for (const { lineId, field } of removals) {
        if (!draft.lines.some((line) => line.id === lineId)) problems.push(userError(CartErrorCode.NOT_FOUND, 'No such line in this cart.', field));
      }
      assertNoInputErrors(problems);
      for (const { lineId } of removals) draft.removedLineIds.add(lineId);
      draft.lines = draft.lines.filter((line) => !draft.removedLineIds.has(line.id));
    },
  });
}
