import { tryParseGlobalId } from '#kit';
import type { CartContext } from '../context.ts';
import { Cart } from '../entities/cart.entity.ts';
import { CartLine } from '../entities/cart-line.entity.ts';
import { asUnavailable, cartCheckingOut, cartCompleted, cartNotFound } from './cart-errors.ts';
import { loadDraft, lockCart, lockOpenCartOf, newCartRow, preReadCart, writeDraft, type CartDraft } from './cart-draft.ts';
import { fetchQuantitiesAvailable, fetchVariantFacts, type VariantFacts } from './catalog.ts';
import { claimFor } from './claim.ts';
import { fetchQuantitiesAtLocation } from './till-stock.ts';
import { claimantOf, isLive, refusalOf, type CartAccessFacts } from './ownership.ts';
import { settleShipping, type ShippingIntent } from './shipping-settle.ts';

/**
 * What the catalog and inventory say, asked through the request's batched service client: the first
 * ask for an id makes the call, later asks for it (inside the transaction) are answered from memory.
 * Each variant remembers when it was first asked, which is when its snapshot was true.
 */
export interface Facts {
  variants(ids: readonly string[]): Promise<Map<string, VariantFacts | null>>;
  available(ids: readonly string[]): Promise<Map<string, number>>;
  askedAt(variantId: string): Date;
}

/** `locationId`: a till cart's store, whose stock is checked instead of online availability (till-stock.ts). */
function factsOf(ctx: CartContext, locationId: string | null): Facts {
  const asked = new Map<string, Date>();
  return {
    variants(ids) {
      const now = new Date();
      for (const id of ids) if (!asked.has(id)) asked.set(id, now);
      return fetchVariantFacts(ctx, ids);
    },
    available: (ids) => (locationId ? fetchQuantitiesAtLocation(ctx, locationId, ids) : fetchQuantitiesAvailable(ctx, ids)),
    askedAt: (id) => asked.get(id) ?? new Date(),
  };
}

/** One kind of change to a cart: what to ask before the lock, and what to do under it. */
export interface CartChange {
  /** Variants the change brings in: snapshotted before the cart is locked. */
  variantIds?: readonly string[];
  /** Variants whose stock the change compares with, from the lines as they were before the lock. */
  stockFor?(lines: readonly { id: string; variantId: string }[]): readonly string[];
  /** Changes the locked cart in memory; throws (DomainError, InputErrors) to refuse, and nothing is written. */
  apply(draft: CartDraft, facts: Facts): Promise<void>;
  /** What the change asks of shipping beyond re-pricing a selected option. */
  shipping?: ShippingIntent;
}

/**
 * Applies `change` to an existing cart. Someone else's cart, an unknown, malformed, closed or idle-past-
 * its-time cart all answer the same NOT_FOUND; the viewer's own cart that became a paid order answers
 * CART_COMPLETED, one being checked out (an order awaiting payment) CART_CHECKING_OUT, nothing written. A
 * signed-in customer touching a guest cart claims it (claim.ts). Products and inventory are asked before
 * the lock; the lock then serialises changes to the cart (and with `cartCheckoutStart`, which freezes it
 * under the same lock), and every line is re-snapshotted from the catalog's answer before the rows are
 * written.
 */
export async function changeCart(ctx: CartContext, cartGlobalId: string, change: CartChange): Promise<Cart> {
  const cartId = tryParseGlobalId(cartGlobalId, 'Cart');
  if (!cartId) throw cartNotFound();
  const { idleDays } = ctx.loaders.settings;
  const pre = await preReadCart(ctx.em, cartId);
  if (!pre) throw cartNotFound();
  assertChangeable(ctx, pre.access, idleDays);
  // A cart's store is set when it is created and never changes, so the pre-read's is the locked row's.
  const facts = factsOf(ctx, pre.locationId);
  return commit(ctx, facts, change, [...pre.lines.map((line) => line.variantId), ...(change.variantIds ?? [])], stockToAsk(change, pre), async (tx) => {
    const cart = await lockCart(tx.em, cartId);
    if (!cart) throw cartNotFound();
    // Checked again under the lock: the cart may have been claimed, merged, expired, checked out or completed meanwhile.
    assertChangeable(ctx, cart, idleDays);
    const draft = await loadDraft(tx.em, cart);
    const claimant = claimantOf(ctx.viewer, cart);
    if (claimant) await claimFor(tx, draft, claimant, idleDays);
    return draft;
  });
}

/**
 * `cartCreate`: a new guest cart; for a signed-in customer, their open cart if they have one (the
 * change is applied to it: at most one open cart each), else a new cart of theirs. A cart being checked
 * out is not open: the customer who just checked out gets a new cart, and the one awaiting payment is
 * never touched. A till cart (`locationId`, staff only: till-stock.ts) is always a new cart of nobody's:
 * the store's sale, never the clerk's own cart nor merged with it.
 */
export async function createCart(ctx: CartContext, change: CartChange, locationId: string | null = null): Promise<Cart> {
  const customerId = ctx.viewer.role === 'customer' && !locationId ? ctx.viewer.customerId : null;
  const facts = factsOf(ctx, locationId);
  return commit(ctx, facts, change, change.variantIds ?? [], change.stockFor?.([]) ?? [], async (tx) => {
    if (!customerId) return emptyDraft(null, locationId);
    const open = await lockOpenCartOf(tx.em, customerId, null);
    if (open && isLive(open, ctx.loaders.settings.idleDays)) return loadDraft(tx.em, open);
    const draft = emptyDraft(customerId);
    if (open) draft.retired.push({ id: open.id, status: 'EXPIRED' });
    return draft;
  });
}

/**
 * The variants whose online stock a change asks for before the lock: its own, and, when it asks any, every
 * line's. The payload's warnings read every line's stock (warnings.service.ts) through the same request-scoped
 * loader, so they are answered from it rather than by a second call to inventory (add-to-cart: 3 calls to 2).
 * A till cart's stock is its store's (till-stock.ts), asked apart.
 */
function stockToAsk(change: CartChange, pre: { lines: readonly { id: string; variantId: string }[]; locationId: string | null }): readonly string[] {
  const own = change.stockFor?.(pre.lines) ?? [];
  return own.length > 0 && !pre.locationId ? [...own, ...pre.lines.map((line) => line.variantId)] : own;
}

function assertChangeable(ctx: CartContext, cart: CartAccessFacts, idleDays: number): void {
  const refusal = refusalOf(ctx.viewer, cart, idleDays);
  if (refusal === 'NOT_FOUND') throw cartNotFound();
  if (refusal === 'CART_COMPLETED') throw cartCompleted();
  if (refusal === 'CART_CHECKING_OUT') throw cartCheckingOut();
}

function emptyDraft(customerId: string | null, locationId: string | null = null): CartDraft {
  return { cart: newCartRow(customerId, locationId), lines: [], removedLineIds: new Set(), codes: [], codesChanged: false, retired: [] };
}

async function commit(
  ctx: CartContext,
  facts: Facts,
  change: CartChange,
  variantIds: readonly string[],
  stockIds: readonly string[],
  open: (tx: CartContext) => Promise<CartDraft>,
): Promise<Cart> {
  try {
    // Before the lock: a slow catalog then holds neither the cart's row nor a database connection.
    await Promise.all([variantIds.length ? facts.variants(variantIds) : null, stockIds.length ? facts.available(stockIds) : null]);
    const written = await ctx.transaction(async (tx) => {
      const draft = await open(tx);
      await change.apply(draft, facts);
      await resnapshot(draft, facts);
      if (draft.lines[0]) draft.cart.currencyCode = draft.lines[0].currencyCode;
      await settleShipping(tx, draft, change.shipping);
      return writeDraft(tx.em, draft);
    });
    // The payload reads what was written, not a second copy from the database.
    const cart = ctx.em.map(Cart, written.cart);
    ctx.loaders.linesByCartId.clear(cart.id).prime(cart.id, written.lines.map((row) => ctx.em.map(CartLine, row)));
    // Its discounts, tax rules and observations are read again, after the write (cart-reads.ts).
    ctx.loaders.extrasByCartId.clear(cart.id);
    return cart;
  } catch (error) {
    throw asUnavailable(error);
  }
}

/**
 * Every line takes the catalog's current price, weight, tax class and status (one batched call for
 * all of them). A variant the catalog no longer knows, or now prices in another currency, keeps its
 * last snapshot: the cart never silently changes currency, and the warnings say what is wrong.
 */
async function resnapshot(draft: CartDraft, facts: Facts): Promise<void> {
  if (draft.lines.length === 0) return;
  const current = await facts.variants(draft.lines.map((line) => line.variantId));
  for (const line of draft.lines) {
    const now = current.get(line.variantId);
    if (!now || now.currencyCode !== line.currencyCode) continue;
    Object.assign(line, {
      productId: now.productId,
      unitPriceMinor: now.priceMinor,
      weightGrams: now.weightGrams,
      taxClass: now.taxClass,
      productStatus: now.productStatus,
      productTitle: now.productTitle,
      snapshotAt: facts.askedAt(line.variantId),
    });
  }
}
