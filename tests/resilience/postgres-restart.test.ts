import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase } from '#kit';
import { CHECKOUT, intentOf, setAvailable, startCommerce, uuidOf, type Commerce } from '../support/commerce.ts';
import { codesOf, LEAKS, loop, restartablePostgres, send, until, type Answer, type RestartablePostgres } from './support.ts';

/**
 * PostgreSQL restarted under load (reads, and checkouts paid through stripe-local): while it is down every
 * request is answered, fast, with SERVICE_UNAVAILABLE and nothing internal; once it is back the same
 * processes serve again (pools reconnect, the event queue resumes, the outbox relays) without a restart,
 * and every order and payment is accounted for. The server is the test's own (the run's may be shared).
 */
let pg: RestartablePostgres;
let c: Commerce;

beforeAll(async () => {
  pg = await restartablePostgres();
  c = await startCommerce({ databaseUrl: await ensureDatabase(pg.url, 'resilience') });
}, 120_000);

afterAll(async () => {
  await c?.close().catch(() => {});
  await pg?.remove();
});

const LISTING = '{ products(first: 10) { nodes { title variants(first: 3) { nodes { sku quantityAvailable } } } } }';
const CART_CREATE = 'mutation ($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { code } } }';
const UNITS = 400;

type Phase = 'before' | 'down' | 'after';
interface Attempt {
  phase: Phase;
  key: string;
  cartId: string;
  answer: Answer;
  orderId?: string;
  intentId?: string;
  /** The webhook's delivery status when the buyer paid (500 while orders could not store it). */
  delivery?: number;
}

describe('PostgreSQL restarted during load', () => {
  it('fails fast and clearly while down, recovers without a restart, loses and duplicates no order or payment', { timeout: 180_000 }, async () => {
    const variants = c.variants.slice(0, 2).map((variant) => variant.id);
    for (const variant of variants) await setAvailable(c, variant, UNITS);
    const stockBefore = await stockRows(variants);

    let phase: Phase = 'before';
    const answers: { phase: Phase; answer: Answer }[] = [];
    const attempts: Attempt[] = [];
    const record = (answer: Answer) => {
      answers.push({ phase, answer });
      return answer;
    };
    let serial = 0;
    const buy = async (worker: number) => {
      const at = phase;
      const cart = record(await send(c.system.url, CART_CREATE, { input: { lines: [{ merchandiseId: variants[worker % 2], quantity: 1 }] } }));
      const cartId = cart.data?.cartCreate?.cart?.id;
      if (!cartId) return pause();
      const key = `restart-${worker}-${serial++}`;
      const answer = record(await send(c.system.url, CHECKOUT, { cartId, key }));
      const attempt: Attempt = { phase: at, key, cartId, answer };
      attempts.push(attempt);
      const placed = answer.data?.checkoutComplete;
      if (!placed?.order) return pause();
      attempt.orderId = placed.order.id;
      attempt.intentId = intentOf(placed.paymentIntentClientSecret);
      const paid = await fetch(`${c.local.url}/_local/payment_intents/${attempt.intentId}/succeed`, { method: 'POST' });
      attempt.delivery = ((await paid.json()) as { delivery?: { status: number } }).delivery?.status ?? paid.status;
    };
    // While PostgreSQL is down, failures come back at once: pace the loops so they do not spin.
    const pause = async () => void (phase === 'down' && (await new Promise((resolve) => setTimeout(resolve, 50))));
    const read = async () => {
      record(await send(c.system.url, LISTING));
      await pause();
    };
    const buyers = loop(4, buy);
    const readers = loop(2, read);
    const placedIn = (p: Phase) => attempts.filter((attempt) => attempt.phase === p && attempt.delivery === 200).length;
    try {
      await until('paid checkouts before the restart', () => placedIn('before') >= 4);

      phase = 'down';
      await pg.stop();
      const failedWhileDown = () => answers.filter((entry) => entry.phase === 'down' && entry.answer.errors).length;
      await until('requests answered while PostgreSQL is down', () => failedWhileDown() >= 30);
      // Every subgraph reports itself not ready while its database is gone.
      for (const [name, subgraph] of Object.entries(c.system.subgraphs)) {
        expect((await fetch(subgraph.url.replace('/graphql', '/health/ready'))).status, name).toBe(503);
      }

      await pg.start();
      phase = 'after';
      // No process was restarted: the same pools and queue come back by themselves.
      await until('paid checkouts after the restart', () => placedIn('after') >= 4);
      for (const [name, subgraph] of Object.entries(c.system.subgraphs)) {
        expect((await fetch(subgraph.url.replace('/graphql', '/health/ready'))).status, name).toBe(200);
      }
    } finally {
      await Promise.all([buyers.stop(), readers.stop()]);
    }

    // Fail fast and clearly: every request was answered (none hung, none dropped), and a failure says
    // SERVICE_UNAVAILABLE and nothing internal.
    expect(answers.filter((entry) => entry.answer.status <= 0).map((entry) => entry.answer.text)).toEqual([]);
    const failures = answers.filter((entry) => entry.answer.errors);
    expect(failures.filter((entry) => entry.phase === 'before')).toEqual([]);
    const codes = new Set(failures.flatMap((entry) => codesOf(entry.answer)));
    expect([...codes]).toEqual(['SERVICE_UNAVAILABLE']);
    for (const { answer } of failures) for (const leak of LEAKS) expect(answer.text, leak).not.toContain(leak);
    // Nothing failed for long after the restart: once answers were good again, they stayed good.
    const after = answers.filter((entry) => entry.phase === 'after');
    const lastFailure = after.findLastIndex((entry) => entry.answer.errors);
    expect(after.length - lastFailure - 1).toBeGreaterThan(10);

    // No connection is left held by a request the outage cut off: every pool is whole and idle again.
    for (const [name, subgraph] of Object.entries(c.system.subgraphs)) {
      const pool = (await subgraph.db.orm.em.getConnection().getNativeClient()) as { totalCount: number; idleCount: number };
      await until(`${name}'s pool idle`, () => pool.totalCount === pool.idleCount, 10_000);
    }

    // Stripe retries a webhook that failed; here, once more, by hand.
    for (const attempt of attempts.filter((a) => a.intentId && a.delivery !== 200)) {
      const [event] = c.local.events({ type: 'payment_intent.succeeded', object: attempt.intentId });
      expect((await c.local.deliver(event!.id)).status).toBe(200);
    }

    const placed = attempts.filter((attempt) => attempt.orderId);
    const orders = await c.system.subgraphs.orders!.sql<{ id: string; cart_id: string; status: string; intent: string }>(
      'select id, cart_id, status, stripe_payment_intent_id as intent from customer_order',
    );
    const byId = new Map(orders.map((order) => [order.id, order]));
    // No order lost: every placed checkout's order is stored, paid, with the intent the buyer paid.
    expect(placed.filter((attempt) => byId.get(uuidOf(attempt.orderId!))?.status !== 'PAID').map((a) => a.key)).toEqual([]);
    expect(placed.filter((attempt) => byId.get(uuidOf(attempt.orderId!))?.intent !== attempt.intentId)).toEqual([]);
    // None duplicated: one order per cart (each cart had one key), one PaymentIntent per order.
    const carts = new Set(orders.map((order) => order.cart_id));
    expect(carts.size).toBe(orders.length);
    const intents = c.local.events({ type: 'payment_intent.created' }).map((event) => event.data.object as unknown as { id: string; metadata: { orderId: string } });
    const intentsPerOrder = new Map<string, number>();
    for (const intent of intents) intentsPerOrder.set(intent.metadata.orderId, (intentsPerOrder.get(intent.metadata.orderId) ?? 0) + 1);
    expect([...intentsPerOrder.values()].filter((n) => n > 1)).toEqual([]);
    // An order committed whose answer was lost in the outage is not lost either: it is the only other kind.
    const unanswered = orders.filter((order) => !placed.some((attempt) => uuidOf(attempt.orderId!) === order.id));
    expect(unanswered.every((order) => attempts.some((attempt) => uuidOf(attempt.cartId) === order.cart_id && attempt.phase === 'down'))).toBe(true);

    // Stock: the paid orders' events reached inventory after the restart (the queue resumed, the outbox
    // relayed), and stock levels agree with the reservations, unit for unit.
    const paidIds = placed.map((attempt) => uuidOf(attempt.orderId!));
    await until('every paid order committed its stock', async () => {
      const [row] = await c.system.subgraphs.inventory!.sql<{ n: number }>(
        "select count(distinct order_id)::int as n from stock_reservation where status = 'COMMITTED' and order_id in (?)",
        [paidIds],
      );
      return row!.n === paidIds.length;
      // A delivery cut off by the outage waits for its expiry (events/bus.ts): bounded, not instant.
    }, 120_000);
    const stockAfter = await stockRows(variants);
    let sold = 0;
    for (const variant of variants) {
      const [before, now] = [stockBefore.get(uuidOf(variant))!, stockAfter.get(uuidOf(variant))!];
      expect(now.reserved - before.reserved, 'reserved').toBe(now.held - before.held);
      expect(before.onHand - now.onHand, 'sold').toBe(now.committed - before.committed);
      expect(now.onHand).toBeGreaterThanOrEqual(now.reserved);
      sold += now.committed - before.committed;
    }
    // One unit per paid order of ours, none for any other.
    const ours = new Set(attempts.map((attempt) => uuidOf(attempt.cartId)));
    expect(sold).toBe(orders.filter((order) => order.status === 'PAID' && ours.has(order.cart_id)).length);
    console.info(
      `PostgreSQL restart: ${answers.length} requests (${failures.length} failed, all SERVICE_UNAVAILABLE), ` +
        `${attempts.length} checkouts, ${placed.length} placed and paid, ${unanswered.length} placed unanswered`,
    );
  });
});

/** Each variant's stock summed over locations, and the units its reservations hold (RESERVED) and sold (COMMITTED). */
async function stockRows(variants: string[]): Promise<Map<string, { onHand: number; reserved: number; held: number; committed: number }>> {
  const rows = await c.system.subgraphs.inventory!.sql<{ variant_id: string; on_hand: number; reserved: number; held: number; committed: number }>(
    `select l.variant_id, sum(l.on_hand)::int as on_hand, sum(l.reserved)::int as reserved,
       (select coalesce(sum(quantity), 0)::int from stock_reservation r where r.variant_id = l.variant_id and status = 'RESERVED') as held,
       (select coalesce(sum(quantity), 0)::int from stock_reservation r where r.variant_id = l.variant_id and status = 'COMMITTED') as committed
     from stock_level l where l.variant_id in (?) group by l.variant_id`,
    [variants.map(uuidOf)],
  );
  return new Map(rows.map((row) => [row.variant_id, { onHand: row.on_hand, reserved: row.reserved, held: row.held, committed: row.committed }]));
}
