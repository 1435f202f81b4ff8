import { expect } from 'vitest';
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

/** The orders subgraph calling with its own key: the only caller reservations allow. */
export const ordersService = (): Viewer => ({ role: 'service', customerId: null, service: 'orders' });
export const orderGid = (uuid: string) => toGlobalId('Order', uuid);

export const RESERVE = `
  mutation ($input: InventoryReserveInput!) {
    inventoryReserve(input: $input) {
      reservations { id orderId variantId locationId quantity status releaseReason expiresAt createdAt }
      userErrors { field message code quantityAvailable }
    }
  }`;
export const COMMIT = `
  mutation ($orderId: ID!) {
    inventoryCommit(orderId: $orderId) {
      reservations { id variantId locationId quantity status }
      userErrors { field message code }
    }
  }`;
export const RELEASE = `
  mutation ($orderId: ID!, $reason: InventoryReleaseReason!) {
    inventoryRelease(orderId: $orderId, reason: $reason) {
      reservations { id variantId locationId quantity status releaseReason }
      userErrors { field message code }
    }
  }`;

export interface ReservationUserError {
  field: string[] | null;
  message: string;
  code: string;
  quantityAvailable?: number | null;
}
export interface ReservationPayload {
  reservations: Record<string, any>[] | null;
  userErrors: ReservationUserError[];
}

/** Calls an internal reservation mutation as `viewer` (the orders service by default), over HTTP. */
export async function callReservation(
  subgraph: TestSubgraph,
  document: string,
  variables: Record<string, unknown>,
  viewer: Viewer = ordersService(),
): Promise<ReservationPayload> {
  const result = await subgraph.request(document, variables, viewer);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data!)[0] as ReservationPayload;
}

export const reserve = (subgraph: TestSubgraph, input: { orderId: string; lines: { variantId: string; quantity: number }[]; expiresInSeconds?: number }, viewer?: Viewer) =>
  callReservation(subgraph, RESERVE, { input: { ...input, orderId: orderGid(input.orderId), lines: input.lines.map((l) => ({ ...l, variantId: variantGid(l.variantId) })) } }, viewer);
export const commit = (subgraph: TestSubgraph, orderId: string, viewer?: Viewer) => callReservation(subgraph, COMMIT, { orderId: orderGid(orderId) }, viewer);
export const release = (subgraph: TestSubgraph, orderId: string, reason = 'CANCELLED', viewer?: Viewer) =>
  callReservation(subgraph, RELEASE, { orderId: orderGid(orderId), reason }, viewer);

export interface ReservationRecord {
  order_id: string;
  variant_id: string;
  location_id: string;
  quantity: number;
  status: string;
  release_reason: string | null;
}

export function reservationsOf(subgraph: TestSubgraph, where: { orderId?: string; variantId?: string }) {
  const [column, value] = where.orderId ? ['order_id', where.orderId] : ['variant_id', where.variantId];
  return subgraph.sql<ReservationRecord>(
    `select order_id, variant_id, location_id, quantity, status, release_reason from inventory.stock_reservation
     where ${column} = ? order by variant_id, location_id, created_at`,
    [value],
  );
}

/** The invariant: each level's `reserved` is the sum of its RESERVED reservations; nothing is negative. */
export async function reservedMismatches(subgraph: TestSubgraph) {
  return subgraph.sql(
    `select s.variant_id, s.location_id, s.on_hand, s.reserved, coalesce(sum(r.quantity) filter (where r.status = 'RESERVED'), 0) as held
     from inventory.stock_level s
     left join inventory.stock_reservation r on r.variant_id = s.variant_id and r.location_id = s.location_id
     group by s.id
     having s.reserved <> coalesce(sum(r.quantity) filter (where r.status = 'RESERVED'), 0) or s.on_hand < s.reserved or s.reserved < 0`,
  );
}
