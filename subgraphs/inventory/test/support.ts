import { toGlobalId, type Viewer } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { inventory } from '../src/subgraph.ts';

export const staff = (): Viewer => ({ role: 'staff', customerId: crypto.randomUUID() });
export const customer = (): Viewer => ({ role: 'customer', customerId: crypto.randomUUID() });

export const variantGid = (uuid: string) => toGlobalId('ProductVariant', uuid);
export const locationGid = (uuid: string) => toGlobalId('Location', uuid);

export function startInventory(): Promise<TestSubgraph> {
  return createTestDatabase('inventory').then((url) => startTestSubgraph(inventory, url));
}


export interface LocationFixture {
  name?: string;
  kind?: 'WAREHOUSE' | 'STORE';
  fulfillsOnlineOrders?: boolean;
  active?: boolean;
}

export async function createLocation(subgraph: TestSubgraph, fixture: LocationFixture = {}): Promise<string> {
  const id = crypto.randomUUID();
  await subgraph.sql('insert into inventory.location (id, name, handle, kind, fulfills_online_orders, active) values (?, ?, ?, ?, ?, ?)',
    [
      id,
      fixture.name ?? `Location ${id.slice(0, 8)}`,
      `location-${id}`,
      fixture.kind ?? 'WAREHOUSE',
      fixture.fulfillsOnlineOrders ?? true,
      fixture.active ?? true,
    ],
  );
  return id;
}

/** A variant inventory knows, with the given stock per location (no ledger rows: fixtures, not history). */
export async function createVariant(
  subgraph: TestSubgraph,
  stock: { locationId: string; onHand: number; reserved?: number }[] = [],
): Promise<string> {
  const id = crypto.randomUUID();
  await subgraph.sql('insert into inventory.inventory_item (variant_id) values (?)', [id]);
  for (const level of stock) {
    await subgraph.sql('insert into inventory.stock_level (variant_id, location_id, on_hand, reserved) values (?, ?, ?, ?)', [
      id,
      level.locationId,
      level.onHand,
      level.reserved ?? 0,
    ]);
  }
  return id;
}

export async function stockOf(subgraph: TestSubgraph, variantId: string, locationId: string) {
  const [row] = await subgraph.sql<{ on_hand: number; reserved: number }>('select on_hand, reserved from inventory.stock_level where variant_id = ? and location_id = ?',
    [variantId, locationId],
  );
  return row ?? null;
}

export async function movementsOf(subgraph: TestSubgraph, variantId: string) {
  return subgraph.sql<{ delta: number; reason: string; note: string | null; actor_customer_id: string | null; on_hand_after: number; location_id: string }>('select delta, reason, note, actor_customer_id, on_hand_after, location_id from inventory.stock_movement where variant_id = ? order by seq',
    [variantId],
  );
}
