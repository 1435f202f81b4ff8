import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentitySigner, IDENTITY_HEADER, toGlobalId } from '#kit';
import { postGraphQL, testKeyRing } from '#kit/testing/index.ts';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

let system: TestSupergraph;
let input: { variantId: string; locationId: string; delta: number; reason: string };

beforeAll(async () => {
  system = await startTestSupergraph({ seed: 'small' });
  const [variant] = await system.subgraphs.inventory!.sql<{ variant_id: string }>('select variant_id from inventory_item limit 1');
  const [location] = await system.subgraphs.inventory!.sql<{ id: string }>('select id from location where fulfills_online_orders limit 1');
  input = { variantId: toGlobalId('ProductVariant', variant!.variant_id), locationId: toGlobalId('Location', location!.id), delta: 7, reason: 'RECEIVED' };
});
afterAll(() => system?.close());

const ADJUST = `mutation ($input: InventoryAdjustQuantityInput!) {
  inventoryAdjustQuantity(input: $input) { stockLevel { onHand } userErrors { code } }
}`;
const staff = { role: 'staff' as const, customerId: crypto.randomUUID() };
const ledgerSize = async () => (await system.subgraphs.inventory!.sql<{ n: number }>('select count(*)::int as n from stock_movement'))[0]!.n;

describe('trust between processes: no one can speak for another', () => {
  it('a products process\'s own key cannot make inventory accept a staff identity', async () => {
    const before = await ledgerSize();
    // Whatever it is asked to sign, products' key vouches only for "the products service".
    const asProducts = await createIdentitySigner(testKeyRing('products'))(staff, 'inventory');
    const result = await postGraphQL(system.subgraphs.inventory!.url, ADJUST, { input }, { [IDENTITY_HEADER]: asProducts });
    expect(result.data!.inventoryAdjustQuantity).toEqual({ stockLevel: null, userErrors: [{ code: 'FORBIDDEN' }] });
    expect(await ledgerSize()).toBe(before);
  });

  it('an identity the gateway signed for products is refused by inventory', async () => {
    const forProducts = await createIdentitySigner(testKeyRing('gateway'))(staff, 'products');
    const result = await postGraphQL(system.subgraphs.inventory!.url, ADJUST, { input }, { [IDENTITY_HEADER]: forProducts });
    expect(result.status).toBe(401);
    expect(result.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    // The same identity addressed to inventory is accepted: the audience made the difference.
    const forInventory = await createIdentitySigner(testKeyRing('gateway'))(staff, 'inventory');
    const accepted = await postGraphQL(system.subgraphs.inventory!.url, ADJUST, { input }, { [IDENTITY_HEADER]: forInventory });
    expect(accepted.data!.inventoryAdjustQuantity.userErrors).toEqual([]);
  });

  it('a service call from a caller inventory does not allow is refused (the ledger is staff-only)', async () => {
    const asProducts = await createIdentitySigner(testKeyRing('products'))(staff, 'inventory');
    const result = await postGraphQL(
      system.subgraphs.inventory!.url,
      'query ($id: ID!) { stockMovements(variantId: $id) { nodes { delta } } }',
      { id: input.variantId },
      { [IDENTITY_HEADER]: asProducts },
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
