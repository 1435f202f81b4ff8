import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import {
  CART_CREATE, CART_QUERY, IDENTITY_UPDATE, LINES_ADD, LINES_UPDATE, cartRows, cartWith, createVariant, localId, mutate, person, startCartSystem,
  type CartSystem, type Person,
} from './support.ts';

let sys: CartSystem;
let a: string;
let b: string;
let c: string;

beforeAll(async () => {
  sys = await startCartSystem();
  [a, b, c] = (await Promise.all([1, 2, 3].map((n) => createVariant(sys, { price: `${n}.00`, stock: 1000 })))).map((v) => v.variantId) as [string, string, string];
});
afterAll(() => sys?.close());

/** A customer registered with customers and logged in, so `me` answers for them. */
async function registered(): Promise<Person & { gid: string }> {
  const email = `${crypto.randomUUID()}@example.com`;
  const password = 'a long enough password';
  const created = await sys.send<any>(`mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id } userErrors { code } } }`, { input: { email, password } });
  const login = await sys.send<any>(`mutation ($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }`, { input: { email, password } });
  const gid = created.customerCreate.customer.id as string;
  const customerId = localId(gid);
  return { token: login.customerAccessTokenCreate.customerAccessToken.accessToken, viewer: { role: 'customer', customerId }, customerId, gid };
}

const readCart = async (id: string, who?: Person) => (await sys.send<any>(CART_QUERY, { id }, who)).cart;
const statusOf = async (cartGid: string) => (await sys.cart.sql<{ status: string; customer_id: string | null; merged_into_id: string | null }>(
  'select status, customer_id, merged_into_id from cart where id = ?', [localId(cartGid)]))[0];

describe('a customer\'s cart', () => {
  it('is theirs: visible through Customer.cart and buyerIdentity.customer, to them and staff only', async () => {
    const ada = await registered();
    const cart = await cartWith(sys, { [a]: 1 }, ada);
    expect(cart.buyerIdentity.customer).toEqual({ id: ada.gid });
    const me = await sys.send<any>('{ me { id cart { id totalQuantity } } }', {}, ada);
    expect(me.me).toEqual({ id: ada.gid, cart: { id: cart.id, totalQuantity: 1 } });
    expect((await readCart(cart.id, sys.staff))?.id).toBe(cart.id);

    for (const other of [undefined, await person()]) {
      expect(await readCart(cart.id, other)).toBeNull();
    }
    // Customer.cart resolved for someone else (as another subgraph's reference would be) is null.
    const reps = { reps: [{ __typename: 'Customer', id: ada.gid }] };
    const entities = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { cart { id } } } }`;
    expect((await sys.cart.request(entities, reps, (await person()).viewer)).data!._entities).toEqual([{ cart: null }]);
    expect((await sys.cart.request(entities, reps, sys.staff.viewer)).data!._entities).toEqual([{ cart: { id: cart.id } }]);
    expect((await sys.cart.request(entities, reps, ada.viewer)).data!._entities).toEqual([{ cart: { id: cart.id } }]);
  });

  it('cannot be changed by another customer or an anonymous shopper: NOT_FOUND on cartId, nothing written', async () => {
    const owner = await person();
    const cart = await cartWith(sys, { [a]: 1 }, owner);
    const before = await cartRows(sys);
    for (const other of [undefined, await person()]) {
      const added = await mutate(sys, LINES_ADD, { cartId: cart.id, lines: [{ merchandiseId: b }] }, other);
      expect(added).toEqual({ cart: null, userErrors: [{ field: ['cartId'], message: 'No such cart.', code: 'NOT_FOUND' }] });
      const identity = await mutate(sys, IDENTITY_UPDATE, { cartId: cart.id, buyerIdentity: { email: 'thief@example.com' } }, other);
      expect(identity.userErrors).toEqual([{ field: ['cartId'], message: 'No such cart.', code: 'NOT_FOUND' }]);
    }
    expect(await cartRows(sys)).toEqual(before);
  });

  it('answers an unknown id exactly as it answers someone else\'s', async () => {
    const someoneElses = await cartWith(sys, { [a]: 1 }, await person());
    const unknown = toGlobalId('Cart', crypto.randomUUID());
    const answers = await Promise.all([someoneElses.id, unknown].map((cartId) => mutate(sys, LINES_ADD, { cartId, lines: [{ merchandiseId: a }] })));
    expect(answers[0]).toEqual(answers[1]);
    expect(await readCart(unknown)).toBeNull();
  });

  it('can be changed by staff, who never claim it', async () => {
    const owner = await person();
    const cart = await cartWith(sys, { [a]: 1 }, owner);
    const { userErrors } = await mutate(sys, LINES_UPDATE, { cartId: cart.id, lines: [{ id: cart.lines[0].id, quantity: 4 }] }, sys.staff);
    expect(userErrors).toEqual([]);
    expect((await statusOf(cart.id))!.customer_id).toBe(owner.customerId);
    const guest = await cartWith(sys, { [a]: 1 });
    await mutate(sys, LINES_ADD, { cartId: guest.id, lines: [{ merchandiseId: b }] }, sys.staff);
    expect((await statusOf(guest.id))!.customer_id).toBeNull();
  });

  it('cartCreate while signed in with an open cart adds to that cart and returns it', async () => {
    const shopper = await person();
    const first = await cartWith(sys, { [a]: 2 }, shopper, { discountCodes: ['WELCOME10'] });
    const second = await cartWith(sys, { [a]: 1, [b]: 1 }, shopper, { discountCodes: ['SAVE5'], buyerIdentity: { email: 'me@example.com' } });
    expect(second.id).toBe(first.id);
    expect(second.lines.map((line: any) => [line.merchandise.id, line.quantity])).toEqual([[a, 3], [b, 1]]);
    expect(second.discountCodes.map((code: any) => code.code)).toEqual(['WELCOME10', 'SAVE5']);
    expect(second.buyerIdentity.email).toBe('me@example.com');
    expect(await sys.cart.sql('select count(*)::int as n from cart where customer_id = ?', [shopper.customerId])).toEqual([{ n: 1 }]);
  });
});

describe('claiming a guest cart', () => {
  it('makes it the signed-in customer\'s on any change, after which the guest link no longer opens it', async () => {
    const guest = await cartWith(sys, { [a]: 1 });
    const shopper = await person();
    const { cart, userErrors } = await mutate(sys, IDENTITY_UPDATE, { cartId: guest.id, buyerIdentity: { email: 'claimer@example.com' } }, shopper);
    expect(userErrors).toEqual([]);
    expect(cart.buyerIdentity.customer).toEqual({ id: toGlobalId('Customer', shopper.customerId) });
    expect(await readCart(guest.id)).toBeNull();
    expect((await readCart(guest.id, shopper)).id).toBe(guest.id);
  });

  it('merges the customer\'s open cart into the touched one: one cart, quantities summed, the other MERGED', async () => {
    const shopper = await person();
    const own = await cartWith(sys, { [a]: 2, [b]: 1 }, shopper, { discountCodes: ['SAVE5'], buyerIdentity: { email: 'own@example.com' } });
    const guest = await cartWith(sys, { [a]: 1, [c]: 4 }, undefined, { discountCodes: ['WELCOME10'] });
    const { cart, userErrors } = await mutate(sys, LINES_ADD, { cartId: guest.id, lines: [{ merchandiseId: c, quantity: 1 }] }, shopper);
    expect(userErrors).toEqual([]);
    expect(cart.id).toBe(guest.id);
    expect(cart.lines.map((line: any) => [line.merchandise.id, line.quantity])).toEqual([[a, 3], [c, 5], [b, 1]]);
    expect(cart.discountCodes.map((code: any) => code.code)).toEqual(['WELCOME10', 'SAVE5']);
    expect(cart.buyerIdentity.email).toBe('own@example.com');
    expect(await statusOf(own.id)).toEqual({ status: 'MERGED', customer_id: shopper.customerId, merged_into_id: localId(guest.id) });
    expect(await readCart(own.id, shopper)).toBeNull();
    expect(await sys.cart.sql(`select count(*)::int as n from cart where customer_id = ? and status = 'OPEN'`, [shopper.customerId])).toEqual([{ n: 1 }]);
    // The merged cart keeps its own rows, for the record.
    expect(await sys.cart.sql('select count(*)::int as n from cart_line where cart_id = ?', [localId(own.id)])).toEqual([{ n: 2 }]);
  });

  it('lets a customer touching two guest carts at once end up with one open cart', async () => {
    const shopper = await person();
    await cartWith(sys, { [a]: 1 }, shopper);
    const guests = await Promise.all([cartWith(sys, { [b]: 1 }), cartWith(sys, { [c]: 1 })]);
    const results = await Promise.all(guests.map((guest) => mutate(sys, LINES_ADD, { cartId: guest.id, lines: [{ merchandiseId: a }] }, shopper)));
    expect(results.map((result) => result.userErrors)).toEqual([[], []]);
    const open = await sys.cart.sql<{ id: string }>(`select id from cart where customer_id = ? and status = 'OPEN'`, [shopper.customerId]);
    expect(open).toHaveLength(1);
    const final = await readCart(toGlobalId('Cart', open[0]!.id), shopper);
    // Both guests' lines and three adds of `a` (1 own + 1 + 1), whichever claim came second.
    expect(Object.fromEntries(final.lines.map((line: any) => [line.merchandise.id, line.quantity]))).toEqual({ [a]: 3, [b]: 1, [c]: 1 });
  });

  it('never lets a second open cart exist for one customer (the database says so too)', async () => {
    const shopper = await person();
    await cartWith(sys, { [a]: 1 }, shopper);
    await expect(sys.cart.sql(`insert into cart (id, customer_id) values (?, ?)`, [crypto.randomUUID(), shopper.customerId]))
      .rejects.toMatchObject({ code: '23505' });
    const created = await mutate(sys, CART_CREATE, {}, shopper);
    expect(created.userErrors).toEqual([]);
  });
});
