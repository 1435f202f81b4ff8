import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSubgraph } from '#kit/testing/index.ts';
import { createLocation, createVariant, locationGid, staff, startInventory, variantGid } from './support.ts';

const ENTITIES = `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on ProductVariant {
        id
        quantityAvailable
        availableForSale
        stockLevels { location { id name } onHand reserved available }
      }
    }
  }`;

let subgraph: TestSubgraph;
let warehouse: string;
let secondWarehouse: string;
let store: string;
let closedWarehouse: string;

const reps = (uuids: string[]) => ({ reps: uuids.map((id) => ({ __typename: 'ProductVariant', id: variantGid(id) })) });

beforeAll(async () => {
  subgraph = await startInventory();
  warehouse = await createLocation(subgraph, { name: 'A Warehouse', kind: 'WAREHOUSE', fulfillsOnlineOrders: true });
  secondWarehouse = await createLocation(subgraph, { name: 'B Warehouse', kind: 'WAREHOUSE', fulfillsOnlineOrders: true });
  store = await createLocation(subgraph, { name: 'C Store', kind: 'STORE', fulfillsOnlineOrders: false });
  closedWarehouse = await createLocation(subgraph, { name: 'D Closed', fulfillsOnlineOrders: true, active: false });
});
afterAll(() => subgraph?.close());

describe('ProductVariant stock fields', () => {
  it('sums on-hand minus reserved over open locations that fulfil online orders', async () => {
    const variant = await createVariant(subgraph, [
      { locationId: warehouse, onHand: 10, reserved: 3 },
      { locationId: secondWarehouse, onHand: 5 },
      { locationId: store, onHand: 40 },
      { locationId: closedWarehouse, onHand: 100 },
    ]);
    const result = await subgraph.request(ENTITIES, reps([variant]));
    expect(result.errors).toBeUndefined();
    const [entity] = result.data!._entities;
    expect(entity.id).toBe(variantGid(variant));
    expect(entity.quantityAvailable).toBe(7 + 5);
    expect(entity.availableForSale).toBe(true);
  });

  it('lists stock per open location, stores included, by location name', async () => {
    const variant = await createVariant(subgraph, [
      { locationId: store, onHand: 4, reserved: 1 },
      { locationId: warehouse, onHand: 9 },
      { locationId: closedWarehouse, onHand: 2 },
    ]);
    const result = await subgraph.request(ENTITIES, reps([variant]), staff());
    expect(result.data!._entities[0].stockLevels).toEqual([
      { location: { id: locationGid(warehouse), name: 'A Warehouse' }, onHand: 9, reserved: 0, available: 9 },
      { location: { id: locationGid(store), name: 'C Store' }, onHand: 4, reserved: 1, available: 3 },
    ]);
  });

  it('is not for sale online when only a store that does not ship has stock', async () => {
    const variant = await createVariant(subgraph, [
      { locationId: warehouse, onHand: 0 },
      { locationId: store, onHand: 12 },
    ]);
    const [entity] = (await subgraph.request(ENTITIES, reps([variant]))).data!._entities;
    expect(entity.quantityAvailable).toBe(0);
    expect(entity.availableForSale).toBe(false);
    expect(entity.stockLevels.map((level: any) => level.available)).toEqual([0, 12]);
  });

  it('is not for sale when everything on hand is reserved', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 6, reserved: 6 }]);
    const [entity] = (await subgraph.request(ENTITIES, reps([variant]))).data!._entities;
    expect(entity).toMatchObject({ quantityAvailable: 0, availableForSale: false });
  });

  it('answers 0 and not for sale for a variant inventory does not know', async () => {
    const unknown = crypto.randomUUID();
    const [entity] = (await subgraph.request(ENTITIES, reps([unknown]))).data!._entities;
    expect(entity).toEqual({ id: variantGid(unknown), quantityAvailable: 0, availableForSale: false, stockLevels: [] });
  });

  it('keeps each variant to its own stock when many are resolved together', async () => {
    const a = await createVariant(subgraph, [{ locationId: warehouse, onHand: 1 }]);
    const b = await createVariant(subgraph, [{ locationId: secondWarehouse, onHand: 2 }]);
    const result = await subgraph.request(ENTITIES, reps([b, crypto.randomUUID(), a]));
    expect(result.data!._entities.map((e: any) => e.quantityAvailable)).toEqual([2, 0, 1]);
  });

  it('refuses a representation whose id is not a ProductVariant id, with a client error', async () => {
    const result = await subgraph.request(ENTITIES, {
      reps: [{ __typename: 'ProductVariant', id: `gid://commerce/Product/${crypto.randomUUID()}` }],
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result)).not.toMatch(/select|stack/i);
  });
});

describe('statement counts', () => {
  it('resolves 50 variants with as many SQL statements as 5', async () => {
    const variants: string[] = [];
    for (let i = 0; i < 50; i++) {
      variants.push(
        await createVariant(subgraph, [
          { locationId: warehouse, onHand: i },
          { locationId: store, onHand: 50 - i },
        ]),
      );
    }
    const query = (fields: string) => `
      query ($reps: [_Any!]!) {
        _entities(representations: $reps) { ... on ProductVariant { ${fields} } }
      }`;
    const count = async (fields: string, ids: string[]) => {
      subgraph.db.resetStatementCount();
      const result = await subgraph.request(query(fields), reps(ids), staff());
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toHaveLength(ids.length);
      return subgraph.db.statementCount();
    };
    // A listing's fields: one statement, the online sums grouped by variant.
    const listing = 'quantityAvailable availableForSale';
    expect(await count(listing, variants)).toBe(await count(listing, variants.slice(0, 5)));
    expect(await count(listing, variants)).toBe(1);
    // With the levels (the till): one more, the levels joined to their open locations.
    const till = 'quantityAvailable availableForSale stockLevels { location { name } available }';
    expect(await count(till, variants)).toBe(await count(till, variants.slice(0, 5)));
    expect(await count(till, variants)).toBe(2);
    // Neither sum asked: no statement for it.
    expect(await count('id', variants)).toBe(0);
    expect(await count('stockLevels { available }', variants)).toBe(1);
  });

  it('answers availability asked through a named fragment, in one statement', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 7, reserved: 2 }]);
    subgraph.db.resetStatementCount();
    const result = await subgraph.request(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ...Stock } }
       fragment Stock on ProductVariant { quantityAvailable availableForSale }`,
      reps([variant]),
      staff(),
    );
    expect(result.data).toEqual({ _entities: [{ quantityAvailable: 5, availableForSale: true }] });
    expect(subgraph.db.statementCount()).toBe(1);
  });
});
