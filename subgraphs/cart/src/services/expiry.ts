import type { RequestContext } from '#kit';

/**
 * The hourly worker: open carts untouched for `idleDays` become EXPIRED (they already answer as not
 * found from the moment they pass it; this makes it so in the data, and frees the customer's one open
 * cart), and catalog observations no open cart (nor one being checked out, which may open again) needs
 * any more are dropped. Expired carts are kept. A cart being checked out never expires: its order's
 * payment or cancellation decides what becomes of it.
 */
export async function expireIdleCarts(ctx: RequestContext, idleDays: number): Promise<{ expired: number }> {
  return ctx.transaction(async (tx) => {
    const [row] = await tx.em.execute<{ expired: number }[]>(
      `with expired as (
         update cart set status = 'EXPIRED'
         where status = 'OPEN' and updated_at <= now() - make_interval(days => ?)
         returning id)
       select count(*)::int as expired from expired`,
      [idleDays],
    );
    await tx.em.execute(
      `delete from variant_state s where not exists (
         select 1 from cart_line l join cart c on c.id = l.cart_id where l.variant_id = s.variant_id and c.status in ('OPEN', 'CHECKING_OUT'))`,
    );
    const expired = row?.expired ?? 0;
    if (expired > 0) tx.log.info({ expired, idleDays }, 'expired idle carts');
    return { expired };
  });
}
