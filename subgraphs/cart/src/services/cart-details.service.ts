import { assertNoInputErrors, type UserError, readAddressInput, type MailingAddressInput } from '#kit';
import type { CartContext } from '../context.ts';
import type { Cart } from '../entities/cart.entity.ts';
import type { CartDraft } from './cart-draft.ts';
import { MAX_DISCOUNT_CODES, readBuyerIdentity, readDiscountCodes, readLinesToAdd, type BuyerIdentityChange } from './cart-input.ts';
import { addToDraft } from './cart-lines.service.ts';
import { asUnavailable } from './cart-errors.ts';
import { changeCart, createCart } from './cart-mutation.ts';
import { readTillLocation } from './till-stock.ts';

export interface CartInput {
  lines?: readonly { merchandiseId: string; quantity?: number | null }[] | null;
  buyerIdentity?: { email?: string | null; countryCode?: string | null } | null;
  discountCodes?: readonly string[] | null;
  locationId?: string | null;
}

function applyIdentity(draft: CartDraft, change: BuyerIdentityChange): void {
  if (change.email !== undefined) draft.cart.email = change.email;
  if (change.countryCode !== undefined) draft.cart.buyerCountryCode = change.countryCode;
}

/**
 * `cartCreate`. A guest gets a new cart. A signed-in customer who already has an open cart gets that
 * cart back with the input applied to it (lines added, identity set, codes added after theirs), so
 * "create" on a second device never leaves a customer with two carts; otherwise a new cart of theirs.
 * With `locationId` (staff at a store's till) a new cart of nobody's, checked against that store's stock.
 */
export async function createCartFrom(ctx: CartContext, input: CartInput | null | undefined): Promise<Cart> {
  const errors: UserError[] = [];
  const lines = input?.lines?.length ? readLinesToAdd(input.lines, ['input', 'lines'], errors) : [];
  const identity = input?.buyerIdentity ? readBuyerIdentity(input.buyerIdentity, ['input', 'buyerIdentity'], errors) : {};
  const codes = input?.discountCodes ? readDiscountCodes(input.discountCodes, ['input', 'discountCodes'], errors) : [];
  assertNoInputErrors(errors);
  // Checked before anything else is asked or written: a refused location writes nothing.
  const locationId = input?.locationId == null ? null : await readTillLocation(ctx, input.locationId, ['input', 'locationId']).catch((error) => {
    throw asUnavailable(error);
  });
  const ids = lines.map((line) => line.variantId);
  return createCart(ctx, {
    variantIds: ids,
    stockFor: () => ids,
    async apply(draft, facts) {
      await addToDraft(draft, facts, lines, ['input', 'lines']);
      applyIdentity(draft, identity);
      const merged = [...draft.codes, ...codes.filter((code) => !draft.codes.includes(code))].slice(0, MAX_DISCOUNT_CODES);
      draft.codesChanged = merged.length !== draft.codes.length;
      draft.codes = merged;
    },
  }, locationId);
}

/** Replaces the codes. Unknown codes are kept and shown with `applicable: false` (and a warning), as Shopify does. */
export async function setDiscountCodes(ctx: CartContext, cartId: string, input: readonly string[]): Promise<Cart> {
  const errors: UserError[] = [];
  const codes = readDiscountCodes(input, ['discountCodes'], errors);
  assertNoInputErrors(errors);
  return changeCart(ctx, cartId, {
    async apply(draft) {
      draft.codes = codes;
      draft.codesChanged = true;
    },
  });
}

/** Sets email and country (omitted keeps, null clears); a signed-in customer claims the cart on the way. */
export async function setBuyerIdentity(ctx: CartContext, cartId: string, input: { email?: string | null; countryCode?: string | null }): Promise<Cart> {
  const errors: UserError[] = [];
  const identity = readBuyerIdentity(input, ['buyerIdentity'], errors);
  assertNoInputErrors(errors);
  return changeCart(ctx, cartId, { apply: async (draft) => applyIdentity(draft, identity) });
}

/** Replaces the destination (validated as customers validates addresses), then asks shipping whether it is served. */
export async function setShippingAddress(ctx: CartContext, cartId: string, input: MailingAddressInput): Promise<Cart> {
  const { fields, errors } = readAddressInput(input);
  assertNoInputErrors(errors);
  return changeCart(ctx, cartId, {
    async apply(draft) {
      draft.cart.address = fields;
      draft.cart.shippingServed = null;
    },
    shipping: { kind: 'address' },
  });
}

/** Chooses one of the options shipping offers this cart now; its snapshot is what the totals charge. */
export async function selectShippingOption(ctx: CartContext, cartId: string, shippingOptionId: string): Promise<Cart> {
  return changeCart(ctx, cartId, { apply: async () => {}, shipping: { kind: 'select', optionId: shippingOptionId } });
}
