import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { cart } from '../src/subgraph.ts';
import { SEED_DISCOUNTS, SEED_TAX_RULES } from '../src/seed.ts';
import { CART_CREATE } from './support.ts';

// The cart alone, calling nothing: the database's own rules, the seed, and what a dead catalog means.
let subgraph: TestSubgraph;
beforeAll(async () => { subgraph = await startTestSubgraph(cart, await createTestDatabase('cart_constraints'), { events: false }); });
afterAll(() => subgraph?.close());

async function newCart(currency = 'USD'): Promise<string> {
  const id = crypto.randomUUID();
  await subgraph.sql('insert into cart (id, currency_code) values (?, ?)', [id, currency]);
  return id;
}
const insertLine = (cartId: string, fields: { variantId?: string; quantity?: number; currency?: string } = {}) =>
  subgraph.sql(
    `insert into cart_line (id, cart_id, variant_id, product_id, quantity, unit_price_minor, currency_code, weight_grams, tax_class, product_status, product_title)
     values (?, ?, ?, ?, ?, 100, ?, 10, 'STANDARD', 'ACTIVE', 'x')`,
    [crypto.randomUUID(), cartId, fields.variantId ?? crypto.randomUUID(), crypto.randomUUID(), fields.quantity ?? 1, fields.currency ?? 'USD'],
  );

describe('the database refuses what the services refuse', () => {
  it('a till cart (tied to a store) that belongs to a customer', async () => {
    await expect(subgraph.sql('insert into cart (id, currency_code, location_id, customer_id) values (?, ?, ?, ?)',
      [crypto.randomUUID(), 'USD', crypto.randomUUID(), crypto.randomUUID()])).rejects.toMatchObject({ code: '23514' });
    await subgraph.sql('insert into cart (id, currency_code, location_id) values (?, ?, ?)', [crypto.randomUUID(), 'USD', crypto.randomUUID()]);
  });

  it('quantities outside 1..999', async () => {
    const id = await newCart();
    for (const quantity of [0, -1, 1000]) await expect(insertLine(id, { quantity })).rejects.toMatchObject({ code: '23514' });
  });

  it('a second line for one variant, and a line in another currency than its cart', async () => {
    const id = await newCart();
    const variantId = crypto.randomUUID();
    await insertLine(id, { variantId });
    await expect(insertLine(id, { variantId })).rejects.toMatchObject({ code: '23505' });
    await expect(insertLine(id, { currency: 'EUR' })).rejects.toMatchObject({ code: '23503' });
    await expect(subgraph.sql(`update cart set currency_code = 'EUR' where id = ?`, [id])).rejects.toMatchObject({ code: '23503' });
  });

  it('a MERGED cart without the cart it went into, a selected option without an address, a half address', async () => {
    const id = await newCart();
    await expect(subgraph.sql(`update cart set status = 'MERGED' where id = ?`, [id])).rejects.toMatchObject({ code: '23514' });
    await expect(subgraph.sql(`update cart set shipping_option_id = 'x', shipping_option_title = 'x', shipping_option_carrier = 'x', shipping_option_price_minor = 1 where id = ?`, [id]))
      .rejects.toMatchObject({ code: '23514' });
    await expect(subgraph.sql(`update cart set ship_address1 = '1 Main St' where id = ?`, [id])).rejects.toMatchObject({ code: '23514' });
  });

  it('a discount that is neither a percentage nor an amount, and a rate above 100%', async () => {
    await expect(subgraph.sql(`insert into discount (code, title, kind, percentage_bp) values ('HALF', 'x', 'PERCENTAGE', 10001)`)).rejects.toMatchObject({ code: '23514' });
    await expect(subgraph.sql(`insert into discount (code, title, kind, amount_minor) values ('NOCUR', 'x', 'FIXED_AMOUNT', 100)`)).rejects.toMatchObject({ code: '23514' });
    await expect(subgraph.sql(`insert into tax_rule (country_code, tax_class, rate_ppm, name) values ('US', 'STANDARD', 1000001, 'x')`)).rejects.toMatchObject({ code: '23514' });
  });

  it('a paid order applied twice, to an unknown cart, or with an unknown outcome', async () => {
    const id = await newCart();
    const orderId = crypto.randomUUID();
    const record = (cartId: string, outcome = 'NOT_CHECKING_OUT') =>
      subgraph.sql(`insert into cart_order (order_id, cart_id, outcome, paid_at) values (?, ?, ?, now())`, [orderId, cartId, outcome]);
    await expect(record(id, 'SOMETHING')).rejects.toMatchObject({ code: '23514' });
    await expect(record(id, 'LINES_TAKEN')).rejects.toMatchObject({ code: '23514' });
    await expect(record(crypto.randomUUID())).rejects.toMatchObject({ code: '23503' });
    await record(id);
    await expect(record(id, 'COMPLETED')).rejects.toMatchObject({ code: '23505' });
  });
});

describe('a cart being checked out', () => {
  it('has exactly one order and a start time, one cart per order, and changes only by leaving the state', async () => {
    const id = await newCart();
    await insertLine(id);
    await expect(subgraph.sql(`update cart set status = 'CHECKING_OUT' where id = ?`, [id])).rejects.toMatchObject({ code: '23514' });
    await expect(subgraph.sql(`update cart set checkout_order_id = gen_random_uuid(), checkout_started_at = now() where id = ?`, [id]))
      .rejects.toMatchObject({ code: '23514' });
    await expect(subgraph.sql(`update cart set revision = -1 where id = ?`, [id])).rejects.toMatchObject({ code: '23514' });
    const orderId = crypto.randomUUID();
    const checkOut = (cartId: string) =>
      subgraph.sql(`update cart set status = 'CHECKING_OUT', checkout_order_id = ?, checkout_started_at = now() where id = ?`, [orderId, cartId]);
    await checkOut(id);
    // Another cart for the same pending order.
    await expect(checkOut(await newCart())).rejects.toMatchObject({ code: '23505' });
    // Frozen: the row (every change upserts it first) refuses any update that keeps it CHECKING_OUT.
    await expect(subgraph.sql(`update cart set email = 'x@example.com' where id = ?`, [id])).rejects.toThrow(/CHECKING_OUT cart changes only by leaving that state/);
    await expect(subgraph.sql(`update cart set revision = revision + 1, updated_at = now() where id = ?`, [id])).rejects.toMatchObject({ code: '23001' });
    // Leaving it: back to OPEN (its order cancelled), with the order cleared, or COMPLETED by it.
    await expect(subgraph.sql(`update cart set status = 'OPEN' where id = ?`, [id])).rejects.toMatchObject({ code: '23514' });
    await subgraph.sql(`update cart set status = 'OPEN', checkout_order_id = null, checkout_started_at = null where id = ?`, [id]);
    await checkOut(id);
    await subgraph.sql(
      `update cart set status = 'COMPLETED', completed_order_id = ?, completed_at = now(), checkout_order_id = null, checkout_started_at = null where id = ?`,
      [orderId, id],
    );
    expect(await subgraph.sql('select status, checkout_order_id, completed_order_id from cart where id = ?', [id])).toEqual([
      { status: 'COMPLETED', checkout_order_id: null, completed_order_id: orderId },
    ]);
  });
});

describe('the seed', () => {
  it('writes the tax rules and discounts once', async () => {
    expect(await cart.seed!(subgraph.context(), { size: 'small', staff: { email: 'x@example.com', password: 'x' } })).toEqual({ created: true });
    expect(await cart.seed!(subgraph.context(), { size: 'small', staff: { email: 'x@example.com', password: 'x' } })).toEqual({ created: false });
    expect(await subgraph.sql('select count(*)::int as n from tax_rule')).toEqual([{ n: SEED_TAX_RULES.length }]);
    expect(await subgraph.sql(`select code, kind, percentage_bp, minimum_subtotal_minor from discount where code = 'WELCOME10'`))
      .toEqual([{ code: 'WELCOME10', kind: 'PERCENTAGE', percentage_bp: 1000, minimum_subtotal_minor: null }]);
    expect(await subgraph.sql('select count(*)::int as n from discount')).toEqual([{ n: SEED_DISCOUNTS.length }]);
  });
});

describe('without the catalog', () => {
  it('refuses adding lines with CATALOG_UNAVAILABLE and writes nothing, but an empty cart needs no catalog', async () => {
    const before = await subgraph.sql('select count(*)::int as n from cart');
    const refused = await subgraph.request(CART_CREATE, { input: { lines: [{ merchandiseId: `gid://commerce/ProductVariant/${crypto.randomUUID()}` }] } });
    expect(refused.data!.cartCreate).toEqual({ cart: null, userErrors: [{ field: null, message: expect.any(String), code: 'CATALOG_UNAVAILABLE' }] });
    expect(await subgraph.sql('select count(*)::int as n from cart')).toEqual(before);
    const empty = await subgraph.request(`mutation { cartCreate { cart { id totalQuantity } userErrors { code } } }`);
    expect(empty.data!.cartCreate.userErrors).toEqual([]);
  });
});

describe('without inventory', () => {
  it('reads a cart\'s warnings without the stock ones rather than failing', async () => {
    const id = await newCart();
    await insertLine(id);
    const result = await subgraph.request(`query ($id: ID!) { cart(id: $id) { totalQuantity warnings { code } } }`, { id: `gid://commerce/Cart/${id}` });
    expect(result.errors).toBeUndefined();
    expect(result.data!.cart).toEqual({ totalQuantity: 1, warnings: [{ code: 'SHIPPING_ADDRESS_MISSING' }] });
  });
});
