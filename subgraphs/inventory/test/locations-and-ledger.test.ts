import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, toGlobalId } from '#kit';
import type { TestSubgraph } from '#kit/testing/index.ts';
import { createLocation, createVariant, customer, locationGid, staff, startInventory, variantGid } from './support.ts';

let subgraph: TestSubgraph;
const open: string[] = [];
let closed: string;

beforeAll(async () => {
  subgraph = await startInventory();
  // Names chosen so that name order differs from creation order.
  for (const name of ['Delta Depot', 'Alpha Store', 'Charlie Hub', 'Bravo Outlet']) {
    open.push(await createLocation(subgraph, { name, kind: name.includes('Store') ? 'STORE' : 'WAREHOUSE' }));
  }
  closed = await createLocation(subgraph, { name: 'Aardvark Closed', active: false });
});
afterAll(() => subgraph?.close());

const LOCATIONS = `
  query ($first: Int, $after: String, $includeInactive: Boolean) {
    locations(first: $first, after: $after, includeInactive: $includeInactive) {
      edges { cursor node { id name kind isActive } }
      nodes { name }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

describe('locations', () => {
  it('pages through open locations by name', async () => {
    const first = await subgraph.request(LOCATIONS, { first: 3 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.locations;
    expect(page1.nodes.map((n: any) => n.name)).toEqual(['Alpha Store', 'Bravo Outlet', 'Charlie Hub']);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = (await subgraph.request(LOCATIONS, { first: 3, after: page1.pageInfo.endCursor })).data!.locations;
    expect(page2.nodes.map((n: any) => n.name)).toEqual(['Delta Depot']);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('includes closed locations only when asked', async () => {
    const all = (await subgraph.request(LOCATIONS, { includeInactive: true })).data!.locations;
    expect(all.edges[0].node).toEqual({ id: locationGid(closed), name: 'Aardvark Closed', kind: 'WAREHOUSE', isActive: false });
    expect(all.nodes).toHaveLength(5);
  });

  it('rejects a malformed cursor and an oversized page as BAD_USER_INPUT', async () => {
    const badCursor = await subgraph.request(LOCATIONS, { after: 'bm90LWEtY3Vyc29y' });
    expect(badCursor.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['after'] });
    const bigPage = await subgraph.request(LOCATIONS, { first: 101 });
    expect(bigPage.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['first'] });
  });

  it('finds a location by id, null for an unknown one, BAD_USER_INPUT for a malformed one', async () => {
    const query = 'query ($id: ID!) { location(id: $id) { id name handle fulfillsOnlineOrders address { city } } }';
    const found = await subgraph.request(query, { id: locationGid(open[0]!) });
    expect(found.data!.location).toMatchObject({ id: locationGid(open[0]!), name: 'Delta Depot', fulfillsOnlineOrders: true, address: null });
    expect((await subgraph.request(query, { id: locationGid(crypto.randomUUID()) })).data!.location).toBeNull();
    const malformed = await subgraph.request(query, { id: 'nope' });
    expect(malformed.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['id'] });
  });

  it('resolves Location references for other subgraphs in one statement', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Location { name } } }`;
    subgraph.db.resetStatementCount();
    const result = await subgraph.request(query, {
      reps: [...open, crypto.randomUUID()].map((id) => ({ __typename: 'Location', id: locationGid(id) })),
    });
    expect(result.data!._entities).toEqual([
      { name: 'Delta Depot' },
      { name: 'Alpha Store' },
      { name: 'Charlie Hub' },
      { name: 'Bravo Outlet' },
      null,
    ]);
    expect(subgraph.db.statementCount()).toBe(1);
  });
});

const MOVEMENTS = `
  query ($variantId: ID!, $locationId: ID, $first: Int, $after: String) {
    stockMovements(variantId: $variantId, locationId: $locationId, first: $first, after: $after) {
      nodes { id delta reason note onHandAfter createdAt actor { id } location { id } variant { id } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
const ADJUST = `
  mutation ($input: InventoryAdjustQuantityInput!) {
    inventoryAdjustQuantity(input: $input) { userErrors { code } }
  }`;

describe('stockMovements', () => {
  let variant: string;
  const clerk = staff();

  beforeAll(async () => {
    variant = await createVariant(subgraph);
    const changes = [
      { locationId: open[0]!, delta: 10, reason: 'RECEIVED' },
      { locationId: open[1]!, delta: 4, reason: 'RECEIVED' },
      { locationId: open[0]!, delta: -2, reason: 'DAMAGED', note: 'crushed box' },
      { locationId: open[0]!, delta: 1, reason: 'CYCLE_COUNT' },
    ];
    for (const { locationId, ...change } of changes) {
      const result = await subgraph.request(
        ADJUST,
        { input: { variantId: variantGid(variant), locationId: locationGid(locationId), ...change } },
        clerk,
      );
      expect(result.data!.inventoryAdjustQuantity.userErrors).toEqual([]);
    }
  });

  it('lists a variant’s ledger newest first for staff, page by page', async () => {
    const page1 = await subgraph.request(MOVEMENTS, { variantId: variantGid(variant), first: 3 }, staff());
    expect(page1.errors).toBeUndefined();
    const { nodes, pageInfo } = page1.data!.stockMovements;
    expect(nodes.map((n: any) => [n.delta, n.reason, n.onHandAfter])).toEqual([
      [1, 'CYCLE_COUNT', 9],
      [-2, 'DAMAGED', 8],
      [4, 'RECEIVED', 4],
    ]);
    expect(nodes[1]).toMatchObject({
      note: 'crushed box',
      actor: { id: toGlobalId('Customer', clerk.customerId!) },
      location: { id: locationGid(open[0]!) },
      variant: { id: variantGid(variant) },
    });
    expect(nodes[0].id).toMatch(/^gid:\/\/commerce\/StockMovement\//);
    expect(Number.isNaN(Date.parse(nodes[0].createdAt))).toBe(false);
    expect(pageInfo.hasNextPage).toBe(true);

    const page2 = await subgraph.request(MOVEMENTS, { variantId: variantGid(variant), first: 3, after: pageInfo.endCursor }, staff());
    expect(page2.data!.stockMovements.nodes.map((n: any) => n.delta)).toEqual([10]);
    expect(page2.data!.stockMovements.pageInfo.hasNextPage).toBe(false);
  });

  it('filters the ledger by location', async () => {
    const result = await subgraph.request(
      MOVEMENTS,
      { variantId: variantGid(variant), locationId: locationGid(open[1]!) },
      staff(),
    );
    expect(result.data!.stockMovements.nodes.map((n: any) => n.delta)).toEqual([4]);
  });

  it('is forbidden to anonymous shoppers and customers', async () => {
    for (const viewer of [ANONYMOUS, customer()]) {
      const result = await subgraph.request(MOVEMENTS, { variantId: variantGid(variant) }, viewer);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe(viewer === ANONYMOUS ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });

  it('rejects a malformed variant or location id as BAD_USER_INPUT on its argument', async () => {
    const badVariant = await subgraph.request(MOVEMENTS, { variantId: locationGid(open[0]!) }, staff());
    expect(badVariant.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['variantId'] });
    const badLocation = await subgraph.request(MOVEMENTS, { variantId: variantGid(variant), locationId: 'x' }, staff());
    expect(badLocation.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['locationId'] });
  });

  it('loads the locations of a whole page of movements in one statement', async () => {
    const count = async (first: number) => {
      subgraph.db.resetStatementCount();
      const result = await subgraph.request(MOVEMENTS, { variantId: variantGid(variant), first }, staff());
      expect(result.data!.stockMovements.nodes).toHaveLength(first);
      return subgraph.db.statementCount();
    };
    expect(await count(1)).toBe(await count(4));
  });
});
