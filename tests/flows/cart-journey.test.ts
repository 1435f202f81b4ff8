import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMinorUnits } from '#kit';
import { STAFF, startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

/**
 * A shopper's journey through the real gateway, with every amount worked out here from the variants'
 * prices and weights, the shipping rate table and the tax rules, by the rules the cart documents
 * (subgraphs/cart/README.md) but with none of its code.
 */
let system: TestSupergraph;
let variants: Variant[];

interface Variant {
  id: string;
  priceMinor: number;
  grams: number;
  taxClass: 'STANDARD' | 'REDUCED' | 'ZERO';
  available: number;
}

const CATALOG = `{ products(first: 42) { nodes { variants(first: 10) { nodes {
  id price { amount currencyCode } weight { value unit } taxClass quantityAvailable } } } } }`;
const CART_FIELDS = `id totalQuantity
  lines { id quantity merchandise { ... on ProductVariant { id } } cost { amountPerQuantity { amount } totalAmount { amount } } }
  discountCodes { code applicable }
  shippingOptions { id title price { amount currencyCode } }
  selectedShippingOption { id title price { amount } }
  cost { subtotalAmount { amount currencyCode } discountAmount { amount } shippingAmount { amount } totalTaxAmount { amount } totalAmount { amount } }
  warnings { code }`;
const payload = (name: string, args: string) => `mutation (${args}) { ${name}(${args.replace(/\$(\w+): [^,]+/g, '$1: $$$1')}) { cart { ${CART_FIELDS} } userErrors { code field message } } }`;
const CREATE = payload('cartCreate', '$input: CartInput');
const ADD = payload('cartLinesAdd', '$cartId: ID!, $lines: [CartLineInput!]!');
const UPDATE = payload('cartLinesUpdate', '$cartId: ID!, $lines: [CartLineUpdateInput!]!');
const REMOVE = payload('cartLinesRemove', '$cartId: ID!, $lineIds: [ID!]!');
const CODES = payload('cartDiscountCodesUpdate', '$cartId: ID!, $discountCodes: [String!]!');
const ADDRESS = payload('cartShippingAddressUpdate', '$cartId: ID!, $address: MailingAddressInput!');
const SELECT = payload('cartSelectedShippingOptionUpdate', '$cartId: ID!, $shippingOptionId: ID!');
const READ = `query ($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`;

const minor = (amount: string) => parseMinorUnits(amount, 'USD')!;
const cents = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;

/** round(amount × numerator / denominator), halves up, exactly. */
function halfUp(amount: number, numerator: number, denominator: number): number {
  const product = BigInt(amount) * BigInt(numerator);
  const quotient = product / BigInt(denominator);
  return Number((product % BigInt(denominator)) * 2n >= BigInt(denominator) ? quotient + 1n : quotient);
}

/** Splits `total` over `weights` in proportion: floors, then the leftover units to the largest remainders, earlier first. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  const order = weights.map((w, i) => ({ i, r: (total * w) % sum })).sort((a, b) => b.r - a.r || a.i - b.i);
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (const { i } of order) if (left-- > 0) shares[i]! += 1;
  return shares;
}

async function send(query: string, variables: Record<string, unknown>, token?: string) {
  const result = await system.request(query, variables, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const answer = Object.values(result.data!)[0] as { cart: any; userErrors: unknown[] };
  expect(answer.userErrors).toEqual([]);
  return answer.cart;
}

async function login(email: string, password: string): Promise<string> {
  const result = await system.request(`mutation ($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } } }`, { input: { email, password } });
  return result.data!.customerAccessTokenCreate.customerAccessToken.accessToken;
}

async function register(email: string): Promise<string> {
  await system.request(`mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { userErrors { code } } }`, { input: { email, password: 'a long password' } });
  return login(email, 'a long password');
}

beforeAll(async () => {
  system = await startTestSupergraph({ seed: 'small' });
  const catalog = await system.request(CATALOG);
  variants = catalog.data!.products.nodes.flatMap((product: any) =>
    product.variants.nodes.map((v: any) => {
      expect(v.price.currencyCode).toBe('USD');
      expect(v.weight.unit).toBe('GRAMS');
      return { id: v.id, priceMinor: minor(v.price.amount), grams: v.weight.value, taxClass: v.taxClass, available: v.quantityAvailable };
    }),
  );
});
afterAll(() => system?.close());

describe('a guest\'s cart through the gateway, to the cent', () => {
  it('builds three lines, changes and removes one, applies WELCOME10, ships to California and picks an option', async () => {
    // A REDUCED line among them when the catalog has one, so both tax classes are exercised.
    const stocked = variants.filter((v) => v.available >= 5);
    const reduced = stocked.find((v) => v.taxClass === 'REDUCED');
    const [a, b, c] = [...(reduced ? [reduced] : []), ...stocked.filter((v) => v !== reduced)].slice(0, 3) as [Variant, Variant, Variant];

    let cart = await send(CREATE, { input: { lines: [{ merchandiseId: a.id, quantity: 1 }, { merchandiseId: b.id, quantity: 2 }] } });
    cart = await send(ADD, { cartId: cart.id, lines: [{ merchandiseId: c.id, quantity: 3 }] });
    expect(cart.lines).toHaveLength(3);
    const lineOf = (v: Variant) => cart.lines.find((line: any) => line.merchandise.id === v.id);
    cart = await send(UPDATE, { cartId: cart.id, lines: [{ id: lineOf(a).id, quantity: 4 }] });
    cart = await send(REMOVE, { cartId: cart.id, lineIds: [lineOf(b).id] });
    cart = await send(CODES, { cartId: cart.id, discountCodes: ['welcome10'] });
    expect(cart.discountCodes).toEqual([{ code: 'WELCOME10', applicable: true }]);
    cart = await send(ADDRESS, {
      cartId: cart.id,
      address: { firstName: 'Ada', address1: '1 Market St', city: 'San Francisco', provinceCode: 'CA', zip: '94105', countryCode: 'US' },
    });

    // The cart's lines, in the order added: a × 4, c × 3.
    const lines = [{ v: a, quantity: 4 }, { v: c, quantity: 3 }];
    expect(cart.lines.map((line: any) => [line.merchandise.id, line.quantity])).toEqual(lines.map((l) => [l.v.id, l.quantity]));
    const lineTotals = lines.map((l) => l.v.priceMinor * l.quantity);
    const subtotal = lineTotals.reduce((x, y) => x + y, 0);
    // The best automatic discount the subtotal qualifies for comes off first, then WELCOME10's 10% of the rest.
    const automatic = await system.subgraphs.cart!.sql<{ kind: string; percentage_bp: number | null; amount_minor: number | null; minimum_subtotal_minor: number | null }>(
      `select kind, percentage_bp, amount_minor, minimum_subtotal_minor from discount
       where code is null and active and starts_at <= now() and (ends_at is null or ends_at > now()) and coalesce(currency_code, 'USD') = 'USD'`,
    );
    const automaticOff = Math.max(
      0,
      ...automatic
        .filter((d) => subtotal >= (d.minimum_subtotal_minor ?? 0))
        .map((d) => Math.min(subtotal, d.kind === 'PERCENTAGE' ? halfUp(subtotal, d.percentage_bp!, 10_000) : d.amount_minor!)),
    );
    const discount = automaticOff + halfUp(subtotal - automaticOff, 10, 100);
    const weight = lines.reduce((sum, l) => sum + l.v.grams * l.quantity, 0);

    // Shipping options, from the US rate table as shipping stores it.
    const rates = await system.subgraphs.shipping!.sql<{ id: string; title: string; kind: string; price_minor: number | null; free_over_minor: number | null }>(
      `select r.id, r.title, r.kind, r.price_minor, r.minimum_subtotal_minor as free_over_minor from shipping_rate r join shipping_zone z on z.id = r.zone_id
       join shipping_zone_region g on g.zone_id = z.id where g.country_code = 'US' and g.province_code is null and r.currency_code = 'USD'`,
    );
    const bands = await system.subgraphs.shipping!.sql<{ rate_id: string; max_weight_grams: number; price_minor: number }>(
      'select rate_id, max_weight_grams, price_minor from shipping_rate_band order by max_weight_grams',
    );
    const offered = rates
      .map((rate) => {
        if (rate.kind === 'FLAT') return { title: rate.title, price: rate.price_minor! };
        if (rate.kind === 'FREE_OVER') return subtotal - discount >= rate.free_over_minor! ? { title: rate.title, price: 0 } : null;
        const band = bands.find((b) => b.rate_id === rate.id && b.max_weight_grams >= weight);
        return band ? { title: rate.title, price: band.price_minor } : null;
      })
      .filter((option): option is { title: string; price: number } => option !== null)
      .sort((x, y) => x.price - y.price || x.title.localeCompare(y.title));
    expect(offered.length).toBeGreaterThan(0);
    expect(cart.shippingOptions.map((o: any) => ({ title: o.title, price: minor(o.price.amount) }))).toEqual(offered);

    const chosen = cart.shippingOptions.find((o: any) => minor(o.price.amount) > 0) ?? cart.shippingOptions[0];
    cart = await send(SELECT, { cartId: cart.id, shippingOptionId: chosen.id });
    expect(cart.selectedShippingOption).toEqual({ id: chosen.id, title: chosen.title, price: { amount: chosen.price.amount } });
    const shipping = minor(chosen.price.amount);

    // Taxes: California's rule for each class, else the country's; REDUCED falls back to STANDARD, ZERO is zero.
    const rules = await system.subgraphs.cart!.sql<{ province_code: string | null; tax_class: string; rate_ppm: number; taxes_shipping: boolean }>(
      `select province_code, tax_class, rate_ppm, taxes_shipping from tax_rule where country_code = 'US' and (province_code = 'CA' or province_code is null)`,
    );
    const ruleFor = (taxClass: string) =>
      rules.find((r) => r.province_code === 'CA' && r.tax_class === taxClass) ?? rules.find((r) => r.province_code === null && r.tax_class === taxClass);
    const rateFor = (taxClass: string) => (taxClass === 'ZERO' ? 0 : (ruleFor(taxClass) ?? ruleFor('STANDARD'))?.rate_ppm ?? 0);
    const shares = split(discount, lineTotals);
    const lineTax = lines.map((l, i) => halfUp(lineTotals[i]! - shares[i]!, rateFor(l.v.taxClass), 1_000_000));
    const shippingTax = ruleFor('STANDARD')?.taxes_shipping ? halfUp(shipping, rateFor('STANDARD'), 1_000_000) : 0;
    const tax = lineTax.reduce((x, y) => x + y, 0) + shippingTax;
    expect(tax).toBeGreaterThan(0); // California taxes goods: the check would be empty otherwise

    const read = (await system.request(READ, { id: cart.id })).data!.cart;
    expect(read.lines.map((line: any) => [line.cost.amountPerQuantity.amount, line.cost.totalAmount.amount])).toEqual(
      lines.map((l, i) => [cents(l.v.priceMinor), cents(lineTotals[i]!)]),
    );
    expect(read.totalQuantity).toBe(7);
    expect(read.cost).toEqual({
      subtotalAmount: { amount: cents(subtotal), currencyCode: 'USD' },
      discountAmount: { amount: cents(discount) },
      shippingAmount: { amount: cents(shipping) },
      totalTaxAmount: { amount: cents(tax) },
      totalAmount: { amount: cents(subtotal - discount + shipping + tax) },
    });
    expect(read.warnings).toEqual([]);
  });
});

describe('log-in and ownership', () => {
  it('merges a guest cart into the customer\'s open cart when they touch it signed in; `me { cart }` shows it', async () => {
    const token = await register('merge@example.com');
    const [x, y] = variants.filter((v) => v.available >= 3);
    const own = await send(CREATE, { input: { lines: [{ merchandiseId: x!.id, quantity: 1 }] } }, token);
    const guest = await send(CREATE, { input: { lines: [{ merchandiseId: y!.id, quantity: 2 }] } });
    // Signing in and touching the guest cart (here: adding one more of x) makes it theirs, with the old cart's lines.
    const merged = await send(ADD, { cartId: guest.id, lines: [{ merchandiseId: x!.id, quantity: 1 }] }, token);
    expect(merged.id).toBe(guest.id);
    const me = await system.request(`{ me { cart { id lines { quantity merchandise { ... on ProductVariant { id } } } } } }`, {}, token);
    expect(me.data!.me.cart.id).toBe(guest.id);
    expect(me.data!.me.cart.lines.map((l: any) => [l.merchandise.id, l.quantity]).sort()).toEqual([[x!.id, 2], [y!.id, 2]].sort());
    expect((await system.request(READ, { id: own.id }, token)).data!.cart).toBeNull();
  });

  it('lets neither another customer nor an anonymous shopper read or change a customer\'s cart; staff can read it', async () => {
    const owner = await register('owner@example.com');
    const other = await register('other@example.com');
    const staff = await login(STAFF.email, STAFF.password);
    const [x] = variants.filter((v) => v.available >= 3);
    const cart = await send(CREATE, { input: { lines: [{ merchandiseId: x!.id, quantity: 1 }] } }, owner);
    for (const token of [other, undefined]) {
      expect((await system.request(READ, { id: cart.id }, token)).data!.cart).toBeNull();
      const change = await system.request(UPDATE, { cartId: cart.id, lines: [{ id: cart.lines[0].id, quantity: 3 }] }, token);
      expect(change.data!.cartLinesUpdate).toMatchObject({ cart: null, userErrors: [{ code: 'NOT_FOUND', field: ['cartId'] }] });
    }
    const seen = (await system.request(READ, { id: cart.id }, staff)).data!.cart;
    expect(seen.id).toBe(cart.id);
    expect(seen.lines[0].quantity).toBe(1);
  });
});

describe('SQL statements per cart read', () => {
  it('are the same for 2 lines and for 50, in every subgraph the read touches', async () => {
    const stocked = variants.filter((v) => v.available >= 1);
    expect(stocked.length).toBeGreaterThanOrEqual(50);
    const cartOf = async (count: number) => {
      let cart = await send(CREATE, { input: { lines: stocked.slice(0, count).map((v) => ({ merchandiseId: v.id, quantity: 1 })) } });
      cart = await send(CODES, { cartId: cart.id, discountCodes: ['WELCOME10'] });
      return send(ADDRESS, { cartId: cart.id, address: { address1: '1 Main St', city: 'Austin', provinceCode: 'TX', zip: '73301', countryCode: 'US' } });
    };
    const query = `query ($id: ID!) { cart(id: $id) { ${CART_FIELDS}
      lines { merchandise { ... on ProductVariant { sku title price { amount } quantityAvailable product { title handle } } } } } }`;
    const statements = async (id: string) => {
      for (const sub of Object.values(system.subgraphs)) sub.db.resetStatementCount();
      const result = await system.request(query, { id });
      expect(result.errors).toBeUndefined();
      return Object.fromEntries(Object.entries(system.subgraphs).map(([name, sub]) => [name, sub.db.statementCount()]));
    };
    const two = await statements((await cartOf(2)).id);
    const fifty = await statements((await cartOf(50)).id);
    console.info('SQL statements per cart read, by subgraph:', JSON.stringify(two));
    expect(fifty).toEqual(two);
    for (const name of ['cart', 'products', 'inventory', 'shipping']) expect(two[name], name).toBeGreaterThan(0);
  });
});
