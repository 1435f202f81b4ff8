import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CART_CREATE, LINES_ADD, localId, mutate, createVariants, type CartSystem, startCartSystem } from './support.ts';

/**
 * Till carts (`CartInput.locationId`, staff): lines and warnings checked against the store's stock, asked of
 * inventory once per request however many lines. The flows (tests/flows/till-stock.test.ts) sell one.
 */
let sys: CartSystem;
let storeId: string;
let variants: string[];

beforeAll(async () => {
  sys = await startCartSystem({ shipping: false });
  const locations = await sys.send<{ locations: { nodes: { id: string; kind: string }[] } }>('{ locations { nodes { id kind } } }');
  storeId = locations.locations.nodes.find((location) => location.kind === 'STORE')!.id;
  // Plenty online (the warehouse), and the store's shelf set directly: fixtures, not history.
  variants = await createVariants(sys, 52, 100);
  await setShelf(variants, 5);
});
afterAll(() => sys?.close());

const inventorySql = (sql: string, params: unknown[]) => sys.system.subgraphs.inventory!.sql(sql, params);

async function setShelf(variantIds: string[], onHand: number): Promise<void> {
  await inventorySql(
    `insert into stock_level (variant_id, location_id, on_hand, reserved) select unnest(?::uuid[]), ?, ?, 0
     on conflict (variant_id, location_id) do update set on_hand = excluded.on_hand`,
    [`{${variantIds.map(localId).join(',')}}`, localId(storeId), onHand],
  );
}

async function tillCart(lines: Record<string, number>): Promise<any> {
  const payload = await mutate(sys, CART_CREATE, {
    input: { lines: Object.entries(lines).map(([merchandiseId, quantity]) => ({ merchandiseId, quantity })), locationId: storeId },
  }, sys.staff);
  expect(payload.userErrors).toEqual([]);
  return payload.cart;
}

describe('till carts', () => {
  it('warn from the store’s stock, not online stock', async () => {
    const [variant] = await createVariants(sys, 1, 100);
    await setShelf([variant!], 4);
    const cart = await tillCart({ [variant!]: 3 });
    const warnings = async () =>
      (await sys.send<any>(`query ($id: ID!) { cart(id: $id) { warnings { code } } }`, { id: cart.id }, sys.staff)).cart.warnings.map((w: any) => w.code);
    expect(await warnings()).not.toContain('MERCHANDISE_NOT_ENOUGH_STOCK');
    await setShelf([variant!], 2);
    expect(await warnings()).toContain('MERCHANDISE_NOT_ENOUGH_STOCK');
    await setShelf([variant!], 0);
    expect(await warnings()).toContain('MERCHANDISE_OUT_OF_STOCK');
  });

  it('add a line to a cart of 50 with the statements of a cart of 2, in cart and in inventory', async () => {
    const counts: { cart: number; inventory: number }[] = [];
    for (const [index, size] of [2, 50].entries()) {
      const cart = await tillCart(Object.fromEntries(variants.slice(0, size).map((id) => [id, 1])));
      sys.cart.db.resetStatementCount();
      sys.system.subgraphs.inventory!.db.resetStatementCount();
      const added = await sys.cart.request<any>(
        `mutation ($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { cart { warnings { code } } userErrors { code } } }`,
        { cartId: cart.id, lines: [{ merchandiseId: variants[50 + index]!, quantity: 1 }] },
        sys.staff.viewer,
      );
      expect(added.errors, JSON.stringify(added.errors)).toBeUndefined();
      expect(added.data!.cartLinesAdd.userErrors).toEqual([]);
      counts.push({ cart: sys.cart.db.statementCount(), inventory: sys.system.subgraphs.inventory!.db.statementCount() });
    }
    expect(counts[1]).toEqual(counts[0]);
    // Inventory is asked twice, each time the location and the store's levels of every variant asked: the
    // added variant (checked before the lock, and from memory under it), then every line for the warnings.
    expect(counts[0]!.inventory).toBe(4);
  });

  it('refuse a line beyond the shelf when added later', async () => {
    const cart = await tillCart({ [variants[0]!]: 5 });
    const more = await mutate(sys, LINES_ADD, { cartId: cart.id, lines: [{ merchandiseId: variants[0]!, quantity: 1 }] });
    expect(more.userErrors).toEqual([{ code: 'NOT_ENOUGH_STOCK', field: ['lines', '0', 'quantity'], message: 'Only 5 of this item are available.' }]);
  });
});
