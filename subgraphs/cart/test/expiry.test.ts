import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import { expireIdleCarts } from '../src/services/expiry.ts';
import { readIdleDays } from '../src/settings.ts';
import { CART_CREATE, CART_QUERY, LINES_ADD, cartWith, createVariant, localId, mutate, person, startCartSystem, type CartSystem } from './support.ts';

let sys: CartSystem;
let variant: string;
beforeAll(async () => {
  sys = await startCartSystem({ shipping: false });
  variant = (await createVariant(sys, { price: '1.00', stock: 100 })).variantId;
});
afterAll(() => sys?.close());

const age = (cartGid: string, days: number) =>
  sys.cart.sql(`update cart set updated_at = now() - make_interval(days => ?) where id = ?`, [days, localId(cartGid)]);
const statusOf = async (cartGid: string) => (await sys.cart.sql<{ status: string }>('select status from cart where id = ?', [localId(cartGid)]))[0]!.status;
const readCart = async (id: string, who?: Awaited<ReturnType<typeof person>>) => (await sys.send<any>(CART_QUERY, { id }, who)).cart;

describe('idle carts', () => {
  it('answer as not found once idle past CART_IDLE_DAYS, even before the worker runs; the worker then marks them EXPIRED', async () => {
    const idle = await cartWith(sys, { [variant]: 1 });
    const recent = await cartWith(sys, { [variant]: 1 });
    await age(idle.id, 31);
    await age(recent.id, 29);
    expect(await readCart(idle.id)).toBeNull();
    expect((await readCart(recent.id)).id).toBe(recent.id);
    const add = await mutate(sys, LINES_ADD, { cartId: idle.id, lines: [{ merchandiseId: variant }] });
    expect(add.userErrors).toEqual([{ field: ['cartId'], message: 'No such cart.', code: 'NOT_FOUND' }]);

    expect((await expireIdleCarts(sys.cart.context(), 30)).expired).toBeGreaterThanOrEqual(1);
    expect(await statusOf(idle.id)).toBe('EXPIRED');
    expect(await statusOf(recent.id)).toBe('OPEN');
    expect(await readCart(idle.id)).toBeNull();
  });

  it('give a customer whose cart went idle a new cart, and are never merged into a claimed one', async () => {
    const shopper = await person();
    const stale = await cartWith(sys, { [variant]: 2 }, shopper);
    await age(stale.id, 40);
    const me = await sys.cart.request(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { cart { id } } } }`,
      { reps: [{ __typename: 'Customer', id: toGlobalId('Customer', shopper.customerId) }] }, shopper.viewer);
    expect(me.data!._entities).toEqual([{ cart: null }]);

    const guest = await cartWith(sys, { [variant]: 1 });
    const claimed = await mutate(sys, LINES_ADD, { cartId: guest.id, lines: [{ merchandiseId: variant }] }, shopper);
    expect(claimed.cart.lines.map((line: any) => line.quantity)).toEqual([2]);
    expect(await statusOf(stale.id)).toBe('EXPIRED');

    const other = await person();
    const old = await cartWith(sys, { [variant]: 1 }, other);
    await age(old.id, 31);
    const fresh = await mutate(sys, CART_CREATE, {}, other);
    expect(fresh.cart.id).not.toBe(old.id);
    expect(await statusOf(old.id)).toBe('EXPIRED');
  });

  it('run hourly, and drop catalog observations no open cart needs', async () => {
    expect((await sys.cart.server.bus.boss.getSchedules('cart.worker.expire-idle-carts')).map((s) => s.cron)).toEqual(['0 * * * *']);
    const orphan = crypto.randomUUID();
    await sys.cart.sql(`insert into variant_state (variant_id, product_id, price_minor, currency_code, product_status) values (?, ?, 100, 'USD', 'ACTIVE')`, [orphan, crypto.randomUUID()]);
    await expireIdleCarts(sys.cart.context(), 30);
    expect(await sys.cart.sql('select * from variant_state where variant_id = ?', [orphan])).toEqual([]);
  });
});

describe('CART_IDLE_DAYS', () => {
  it('is 30 days unless set to a whole number of days', () => {
    expect(readIdleDays(undefined)).toBe(30);
    expect(readIdleDays(' ')).toBe(30);
    expect(readIdleDays('7')).toBe(7);
    for (const bad of ['0', '-1', '1.5', 'thirty', '4000']) expect(() => readIdleDays(bad)).toThrow(/CART_IDLE_DAYS/);
  });
});
