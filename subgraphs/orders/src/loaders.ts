import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoaderScope } from '#kit';
import { OrderLine } from './entities/order-line.entity.ts';
import { Order } from './entities/order.entity.ts';
import type { RefundRow } from './services/refund.service.ts';
import type { ReturnRow } from './services/returns.service.ts';
import type { RiskFinding } from './services/risk.service.ts';

export interface RiskRow {
  order_id: string;
  level: 'LOW' | 'MEDIUM' | 'HIGH';
  recommendation: 'ACCEPT' | 'INVESTIGATE' | 'CANCEL';
  reasons: RiskFinding[];
}
export interface HistoryRow {
  order_id: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  reason: string;
  created_at: Date;
}
export interface ReturnLineRow {
  return_id: string;
  order_line_id: string;
  quantity: number;
  reason: string;
}

export interface OrdersLoaders {
  orderById: DataLoader<string, Order | null>;
  /** An order's lines in checkout order: one statement for every order of the request. */
  linesByOrderId: DataLoader<string, OrderLine[]>;
  lineById: DataLoader<string, OrderLine | null>;
  refundsByOrderId: DataLoader<string, RefundRow[]>;
  refundById: DataLoader<string, RefundRow | null>;
  returnsByOrderId: DataLoader<string, ReturnRow[]>;
  returnLinesByReturnId: DataLoader<string, ReturnLineRow[]>;
  riskByOrderId: DataLoader<string, RiskRow | null>;
  historyByOrderId: DataLoader<string, HistoryRow[]>;
}

/** Rows of `table` whose `column` is one of `keys`, grouped per key in `orderBy` order: one statement per batch. */
function groupedBy<T extends Record<string, any>>(em: EntityManager, table: string, column: string, orderBy: string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await em.execute<T[]>(`select * from ${table} where ${column} in (${keys.map(() => '?').join(', ')}) order by ${orderBy}`, [...keys]);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const group = groups.get(row[column]);
      if (group) group.push(row);
      else groups.set(row[column], [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

function oneBy<T extends Record<string, any>>(em: EntityManager, table: string, column: string) {
  const grouped = groupedBy<T>(em, table, column, column);
  return new DataLoader<string, T | null>(async (keys) => (await grouped.loadMany(keys)).map((rows) => (Array.isArray(rows) ? (rows[0] ?? null) : null)));
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
    lineById: new DataLoader(async (ids) => {
      const rows = await em.find(OrderLine, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    refundsByOrderId: groupedBy<RefundRow>(em, 'order_refund', 'order_id', 'created_at, id'),
    refundById: oneBy<RefundRow>(em, 'order_refund', 'id'),
    returnsByOrderId: groupedBy<ReturnRow>(em, 'order_return', 'order_id', 'created_at, id'),
    returnLinesByReturnId: groupedBy<ReturnLineRow>(em, 'order_return_line', 'return_id', 'order_line_id'),
    riskByOrderId: oneBy<RiskRow>(em, 'order_risk', 'order_id'),
    historyByOrderId: groupedBy<HistoryRow>(em, 'order_history', 'order_id', 'id'),
  };
}
