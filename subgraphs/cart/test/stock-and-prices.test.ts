import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '#kit/testing/index.ts';
import {
  CART_QUERY, LINES_ADD, LINES_UPDATE, WARNINGS_QUERY, adjustStock, cartWith, cents, createVariant, createVariants, mutate, startCartSystem, usd,
  type CartSystem,
} from './support.ts';

let sys: CartSystem;
beforeAll(async () => { sys = await startCartSystem(); });
afterAll(() => sys?.close());

const warningsOf = async (cartId: string) =>
  (await sys.send<any>(WARNINGS_QUERY, { id: cartId })).cart.warnings.filter((w: { code: string }) => w.code !== 'SHIPPING_ADDRESS_MISSING') as { code: string; message: string; target: string }[];
const asStaffOnProducts = (query: string, variables: Record<string, unknown>) => sys.system.subgraphs.products!.request<any>(query, variables, sys.staff.viewer);

describe('stock', () => {
  it('warns when stock drops below a line after it was added, and when it runs out', async () => {
    const { variantId } = await createVariant(sys, { price: '2.00', stock: 10 });
    const cart = await cartWith(sys, { [variantId]: 5 });
    expect(await warningsOf(cart.id)).toEqual([]);
    await adjustStock(sys, variantId, -7);
    expect(await warningsOf(cart.id)).toEqual([
      { code: 'MERCHANDISE_NOT_ENOUGH_STOCK', message: expect.stringContaining('Only 3'), target: cart.lines[0].id },
    ]);
    await adjustStock(sys, variantId, -3);
    expect((await warningsOf(cart.id)).map((w) => w.code)).toEqual(['MERCHANDISE_OUT_OF_STOCK']);
    // Taking some back is always allowed; asking for more than there is is not.
    expect((await mutate(sys, LINES_UPDATE, { cartId: cart.id, lines: [{ id: cart.lines[0].id, quantity: 4 }] })).userErrors).toEqual([]);
    expect((await mutate(sys, LINES_UPDATE, { cartId: cart.id, lines: [{ id: cart.lines[0].id, quantity: 5 }] })).userErrors.map((e) => e.code)).toEqual(['NOT_ENOUGH_STOCK']);
  });
});

describe('catalog changes', () => {
  it('warns of a price change (from the products event, no call on read) and takes the new price at the next change', async () => {
    const { variantId, productId } = await createVariant(sys, { price: '19.99', stock: 10 });
    const other = await createVariant(sys, { price: '1.00', stock: 10 });
    const cart = await cartWith(sys, { [variantId]: 2 });
    const updated = await asStaffOnProducts(
      `mutation ($productId: ID!, $variants: [ProductVariantUpdateInput!]!) { productVariantsUpdate(productId: $productId, variants: $variants) { userErrors { code } } }`,
      { productId, variants: [{ id: variantId, price: { amount: '17.49', currencyCode: 'USD' } }] },
    );
    expect(updated.data.productVariantsUpdate.userErrors).toEqual([]);
    const warnings = await eventually(() => warningsOf(cart.id), (list) => list.length > 0);
    expect(warnings).toEqual([{ code: 'MERCHANDISE_PRICE_CHANGED', message: expect.stringMatching(/from 19\.99 USD to 17\.49 USD/), target: cart.lines[0].id }]);
    // The cart still charges what the shopper saw...
    expect((await sys.send<any>(CART_QUERY, { id: cart.id })).cart.cost.subtotalAmount).toEqual(cents(3998));
    // ...until its next change, which re-snapshots every line.
    const { cart: after } = await mutate(sys, LINES_ADD, { cartId: cart.id, lines: [{ merchandiseId: other.variantId }] });
    expect(after.lines[0].cost.amountPerQuantity).toEqual(usd('17.49'));
    expect(after.cost.subtotalAmount).toEqual(cents(2 * 1749 + 100));
    expect(await warningsOf(cart.id)).toEqual([]);
  });

  it('records catalog changes only for variants in open carts', async () => {
    const { variantId, productId } = await createVariant(sys, { price: '5.00', stock: 0 });
    await asStaffOnProducts(
      `mutation ($productId: ID!, $variants: [ProductVariantUpdateInput!]!) { productVariantsUpdate(productId: $productId, variants: $variants) { userErrors { code } } }`,
      { productId, variants: [{ id: variantId, price: { amount: '4.00', currencyCode: 'USD' } }] },
    );
    const processed = () => sys.cart.sql<{ n: number }>(`select count(*)::int as n from kit_processed_event where subscriber = 'products.variants.updated'`);
    const before = (await processed())[0]!.n;
    await eventually(processed, (rows) => rows[0]!.n > before);
    expect(await sys.cart.sql('select * from variant_state where variant_id = ?', [variantId.split('/').at(-1)])).toEqual([]);
  });

  it('warns when a product is archived, and refuses adding more of it', async () => {
    const { variantId, productId } = await createVariant(sys, { price: '3.00', stock: 10 });
    const cart = await cartWith(sys, { [variantId]: 2 });
    const archived = await asStaffOnProducts(`mutation ($id: ID!) { productArchive(id: $id) { userErrors { code } } }`, { id: productId });
    expect(archived.data.productArchive.userErrors).toEqual([]);
    const warnings = await eventually(() => warningsOf(cart.id), (list) => list.length > 0);
    expect(warnings).toEqual([{ code: 'MERCHANDISE_UNAVAILABLE', message: expect.stringContaining('no longer sold'), target: cart.lines[0].id }]);
    const more = await mutate(sys, LINES_ADD, { cartId: cart.id, lines: [{ merchandiseId: variantId }] });
    expect(more.userErrors).toEqual([{ field: ['lines', '0', 'merchandiseId'], message: 'This product is no longer sold.', code: 'MERCHANDISE_UNAVAILABLE' }]);
    const raise = await mutate(sys, LINES_UPDATE, { cartId: cart.id, lines: [{ id: cart.lines[0].id, quantity: 3 }] });
    expect(raise.userErrors.map((e) => e.code)).toEqual(['MERCHANDISE_UNAVAILABLE']);
    const lower = await mutate(sys, LINES_UPDATE, { cartId: cart.id, lines: [{ id: cart.lines[0].id, quantity: 1 }] });
    expect(lower.userErrors).toEqual([]);
    expect((await warningsOf(cart.id)).map((w) => w.code)).toEqual(['MERCHANDISE_UNAVAILABLE']);
  });
});

describe('concurrent changes to one cart', () => {
  it('lose no update: ten adds of one variant at once make one line of ten more', async () => {
    const { variantId } = await createVariant(sys, { price: '1.00', stock: 100 });
    const cart = await cartWith(sys, { [variantId]: 1 });
    const results = await Promise.all(Array.from({ length: 10 }, () => mutate(sys, LINES_ADD, { cartId: cart.id, lines: [{ merchandiseId: variantId }] })));
    expect(results.flatMap((result) => result.userErrors)).toEqual([]);
    const final = (await sys.send<any>(CART_QUERY, { id: cart.id })).cart;
    expect(final.lines.map((line: any) => line.quantity)).toEqual([11]);
  });

  it('lose no line: eight different variants added at once are all there', async () => {
    const ids = await createVariants(sys, 8);
    const cart = await cartWith(sys, {});
    await Promise.all(ids.map((merchandiseId) => mutate(sys, LINES_ADD, { cartId: cart.id, lines: [{ merchandiseId, quantity: 2 }] })));
    const final = (await sys.send<any>(CART_QUERY, { id: cart.id })).cart;
    expect(final.lines.map((line: any) => line.merchandise.id).sort()).toEqual([...ids].sort());
    expect(final.totalQuantity).toBe(16);
  });

  it('never let two adds of a scarce variant take more than there is', async () => {
    const { variantId } = await createVariant(sys, { price: '1.00', stock: 3 });
    const cart = await cartWith(sys, {});
    const results = await Promise.all(Array.from({ length: 5 }, () => mutate(sys, LINES_ADD, { cartId: cart.id, lines: [{ merchandiseId: variantId }] })));
    expect(results.filter((result) => result.userErrors.length === 0)).toHaveLength(3);
    expect(results.flatMap((result) => result.userErrors.map((e) => e.code))).toEqual(['NOT_ENOUGH_STOCK', 'NOT_ENOUGH_STOCK']);
  });
});

describe('the line limit', () => {
  it('holds 100 lines and refuses a 101st', async () => {
    const ids = await createVariants(sys, 101, 1);
    const cart = await cartWith(sys, Object.fromEntries(ids.slice(0, 100).map((id) => [id, 1])));
    expect(cart.lines).toHaveLength(100);
    const payload = await mutate(sys, LINES_ADD, { cartId: cart.id, lines: [{ merchandiseId: ids[100] }] });
    expect(payload.userErrors).toEqual([{ field: ['lines'], message: 'A cart holds at most 100 lines.', code: 'LINE_LIMIT_REACHED' }]);
  });
});
