import DataLoader from 'dataloader';
import type { LoaderScope } from '#kit';
import { OrderLine } from './entities/order-line.entity.ts';
import { Order } from './entities/order.entity.ts';

export interface OrdersLoaders {
  orderById: DataLoader<string, Order | null>;
  /** An order's lines in checkout order: one statement for every order of the request. */
  linesByOrderId: DataLoader<string, OrderLine[]>;
}

export function createLoaders({ em }: LoaderScope): OrdersLoaders {
  return {
    orderById: new DataLoader(async (ids) => {
      const rows = await em.find(Order, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    linesByOrderId: new DataLoader(async (ids) => {
      const rows = await em.find(OrderLine, { orderId: { $in: [...ids] } }, { orderBy: [{ orderId: 'asc' }, { position: 'asc' }] });
      const byOrder = new Map<string, OrderLine[]>();
      for (const row of rows) {
        const lines = byOrder.get(row.orderId);
        if (lines) lines.push(row);
        else byOrder.set(row.orderId, [row]);
      }
      return ids.map((id) => byOrder.get(id) ?? []);
    }),
  };
}
