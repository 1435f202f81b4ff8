import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, type RequestContext } from '#kit';

/** A PENDING claim older than this belongs to a call that died: another call with the key takes it over. */
const STALE_CLAIM_SECONDS = 120;
/** How long a call waits for a concurrent call with the same key to finish. */
const WAIT_MS = 20_000;
const POLL_MS = 100;

export type KeyClaim =
  /** This call owns the key: it places the order with this id (the same id after a takeover). */
  | { kind: 'claimed'; orderId: string }
  /** The key already made an order: answer it. */
  | { kind: 'completed'; orderId: string };

/**
 * Claims an idempotency key in its own short transaction, before any call to inventory or Stripe, so
 * no transaction (and no pooled connection) is held across them. Concurrent calls with the same key
 * wait for the owner to finish, then answer its order; if the owner failed (its claim deleted), one of
 * them claims the key afresh. A key used for another cart is refused.
 */
export async function claimKey(ctx: RequestContext<unknown>, scope: string, key: string, cartUuid: string): Promise<KeyClaim> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const fresh = randomUUID();
    const [row] = await ctx.em.execute<{ order_id: string; cart_id: string; state: string; claimed: boolean; stale: boolean }[]>(
      `with inserted as (
         insert into checkout_idempotency (scope, key, cart_id, order_id, state) values (?, ?, ?, ?, 'PENDING')
         on conflict do nothing returning order_id, cart_id, state)
       select order_id, cart_id, state, true as claimed, false as stale from inserted
       union all
       select order_id, cart_id, state, false, claimed_at < now() - make_interval(secs => ?)
         from checkout_idempotency where scope = ? and key = ? and not exists (select 1 from inserted)`,
      [scope, key, cartUuid, fresh, STALE_CLAIM_SECONDS, scope, key],
    );
    if (!row) continue; // the owner deleted its claim between the two halves: try again
    if (row.cart_id !== cartUuid) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for another cart; make a new key per checkout.', ['idempotencyKey']);
    }
    if (row.claimed) return { kind: 'claimed', orderId: row.order_id };
    if (row.state === 'COMPLETED') return { kind: 'completed', orderId: row.order_id };
    if (row.stale) {
      const taken = await ctx.em.execute<{ order_id: string }[]>(
        `update checkout_idempotency set claimed_at = now()
          where scope = ? and key = ? and state = 'PENDING' and claimed_at < now() - make_interval(secs => ?) returning order_id`,
        [scope, key, STALE_CLAIM_SECONDS],
      );
      if (taken[0]) return { kind: 'claimed', orderId: taken[0].order_id };
    }
    if (Date.now() > deadline) {
      throw new DomainError('CHECKOUT_IN_PROGRESS', 'A checkout with this key is still in progress; try again in a moment.', ['idempotencyKey']);
    }
    await sleep(POLL_MS);
  }
}

/** Gives a claim back after a failed attempt, so a retry with the key starts afresh. */
export async function releaseKey(ctx: RequestContext<unknown>, scope: string, key: string, orderId: string): Promise<void> {
  await ctx.em.execute("delete from checkout_idempotency where scope = ? and key = ? and order_id = ? and state = 'PENDING'", [scope, key, orderId]);
}

/** Marks the key's order made, in the order's own transaction. */
export async function completeKey(tx: RequestContext<unknown>, scope: string, key: string, orderId: string): Promise<void> {
  const done = await tx.em.execute<{ key: string }[]>(
    "update checkout_idempotency set state = 'COMPLETED' where scope = ? and key = ? and order_id = ? returning key",
    [scope, key, orderId],
  );
  if (done.length !== 1) throw new Error(`checkout key for order ${orderId} was not PENDING`);
}
