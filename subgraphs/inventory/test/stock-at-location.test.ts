import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '#kit';
import type { TestSubgraph } from '#kit/testing/index.ts';
import { createLocation, createVariant, customer, locationGid, ordersService, staff, startInventory, variantGid } from './support.ts';

/** `stockAtLocation`: a till cart's stock, asked by the cart service for one store and many variants. */
const STOCK_AT = `query ($locationId: ID!, $variantIds: [ID!]!) {
  stockAtLocation(locationId: $locationId, variantIds: $variantIds) { location { id kind isActive } quantitiesAvailable }
}`;
const cartService = (): Viewer => ({ role: 'service', customerId: null, service: 'cart' });

let subgraph: TestSubgraph;
let warehouse: string;
let store: string;

beforeAll(async () => {
  subgraph = await startInventory();
  warehouse = await createLocation(subgraph, { kind: 'WAREHOUSE', fulfillsOnlineOrders: true });
  store = await createLocation(subgraph, { kind: 'STORE', fulfillsOnlineOrders: false });
});
afterAll(() => subgraph?.close());

const ask = (locationId: string, variantIds: string[], viewer: Viewer = cartService()) =>
  subgraph.request(STOCK_AT, { locationId: locationGid(locationId), variantIds: variantIds.map(variantGid) }, viewer);

describe('stockAtLocation', () => {
  it('answers on hand minus reserved at that location only, in the order asked, 0 where it holds none', async () => {
    const onShelf = await createVariant(subgraph, [{ locationId: warehouse, onHand: 0 }, { locationId: store, onHand: 5, reserved: 2 }]);
    const onlyOnline = await createVariant(subgraph, [{ locationId: warehouse, onHand: 40 }]);
    const unknown = crypto.randomUUID();
    const result = await ask(store, [onlyOnline, onShelf, unknown]);
    expect(result.errors).toBeUndefined();
    expect(result.data!.stockAtLocation).toEqual({
      location: { id: locationGid(store), kind: 'STORE', isActive: true },
      quantitiesAvailable: [0, 3, 0],
    });
  });

  it('is null for an unknown location', async () => {
    const result = await ask(crypto.randomUUID(), []);
    expect(result.errors).toBeUndefined();
    expect(result.data!.stockAtLocation).toBeNull();
  });

  it('is the cart service’s alone', async () => {
    for (const viewer of [staff(), customer(), ordersService()]) {
      const result = await ask(store, []);
      expect(result.errors).toBeUndefined();
      const refused = await ask(store, [], viewer);
      expect(refused.errors?.[0]?.extensions?.code, viewer.role).toBe('FORBIDDEN');
    }
  });

  it('costs the same statements for 50 variants as for 5: the levels, and the location', async () => {
    const variants: string[] = [];
    for (let i = 0; i < 50; i++) variants.push(await createVariant(subgraph, [{ locationId: store, onHand: i }]));
    const count = async (ids: string[]) => {
      subgraph.db.resetStatementCount();
      const result = await ask(store, ids);
      expect(result.errors).toBeUndefined();
      expect(result.data!.stockAtLocation.quantitiesAvailable).toEqual(ids.map((_, index) => index));
      return subgraph.db.statementCount();
    };
    const five = await count(variants.slice(0, 5));
    const fifty = await count(variants);
    expect(fifty).toBe(five);
    expect(fifty).toBe(2);
  });
});
