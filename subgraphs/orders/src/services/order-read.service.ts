import { decodeCursor, isUuid, readPageSize, toConnection, type Connection, type RequestContext, type Viewer } from '#kit';
import { Order } from '../entities/order.entity.ts';
import type { OrdersLoaders } from '../loaders.ts';

type Ctx = RequestContext<OrdersLoaders>;

/** Whether `viewer` may see the orders of `customerId`: that customer, and staff. */
export function seesOrdersOf(viewer: Viewer, customerId: string | null): boolean {
  if (viewer.role === 'staff') return true;
  return viewer.role === 'customer' && customerId !== null && viewer.customerId === customerId;
}

/** An order the viewer may see, else null (a guest's order only staff see, for now). */
export async function visibleOrder(ctx: Ctx, orderId: string): Promise<Order | null> {
  const order = await ctx.loaders.orderById.load(orderId);
  return order && seesOrdersOf(ctx.viewer, order.customerId ?? null) ? order : null;
}

/** An order by its number, if the viewer may see it (a till finds an online order from its confirmation). */
export async function visibleOrderByNumber(ctx: Ctx, number: number): Promise<Order | null> {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const order = await ctx.em.findOne(Order, { number });
  if (!order || !seesOrdersOf(ctx.viewer, order.customerId ?? null)) return null;
  ctx.loaders.orderById.prime(order.id, order);
  return order;
}

/** A customer's orders, newest first. */
export function ordersOf(ctx: Ctx, customerId: string, first: number | null | undefined, after: string | null | undefined): Promise<Connection<Order>> {
  return pageOrders(ctx, { customerId }, first, after);
}

/** Every order (staff), newest first, optionally in one status. */
export function allOrders(ctx: Ctx, first: number | null | undefined, after: string | null | undefined, status: string | null): Promise<Connection<Order>> {
  return pageOrders(ctx, status ? { status } : {}, first, after);
}

/** Orders matching `filter`, newest first, keyset-paged on (created_at, id). */
async function pageOrders(ctx: Ctx, filter: Record<string, unknown>, first: number | null | undefined, after: string | null | undefined): Promise<Connection<Order>> {
  const limit = readPageSize(first);
  const where: Record<string, unknown> = { ...filter };
  if (after) {
    const [createdAt, id] = decodeCursor(after, 2);
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(createdAt))) {
      return toConnection([], limit, () => [], true);
    }
    const at = new Date(createdAt);
    where.$or = [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }];
  }
  const rows = limit === 0 ? [] : await ctx.em.find(Order, where as any, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: limit + 1 });
  for (const row of rows) ctx.loaders.orderById.prime(row.id, row);
  return toConnection(rows, limit, (row) => [row.createdAt.toISOString(), row.id], Boolean(after));
}
