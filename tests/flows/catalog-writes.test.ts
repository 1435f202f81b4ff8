import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueOf, type DomainEvent } from '#kit';
import { createTestDatabase, eventually, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { inventory } from '../../subgraphs/inventory/src/subgraph.ts';
import { STAFF, startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

let system: TestSupergraph;
let staffToken: string;
let customerToken: string;

const LOGIN = `mutation ($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } } }`;
const CREATE = `mutation ($input: ProductCreateInput!) {
  productCreate(input: $input) {
    product { id handle variants(first: 5) { nodes { id sku quantityAvailable availableForSale } } }
    userErrors { code field message }
  }
}`;
const VARIANTS = `query ($handle: String) { product(handle: $handle) { variants(first: 5) { nodes { id sku quantityAvailable } } } }`;
const ADJUST = `mutation ($input: InventoryAdjustQuantityInput!) { inventoryAdjustQuantity(input: $input) { stockLevel { onHand } userErrors { code } } }`;

const productInput = (handle: string) => ({
  handle,
  title: `Lamp ${handle}`,
  variants: ['Brass', 'Steel'].map((finish) => ({
    sku: `${handle}-${finish}`.toUpperCase(),
    price: { amount: '49.00', currencyCode: 'USD' },
    weight: { value: 1200, unit: 'GRAMS' },
    selectedOptions: [{ name: 'Finish', value: finish }],
  })),
});

const productCount = async () => (await system.subgraphs.products!.sql<{ n: number }>('select count(*)::int as n from product'))[0]!.n;
const itemsOf = async (sub: TestSubgraph, ids: string[]) =>
  (await sub.sql<{ n: number }>('select count(*)::int as n from inventory_item where variant_id in (?)', [ids]))[0]!.n;
const uuidOf = (gid: string) => gid.split('/').at(-1)!;

beforeAll(async () => {
  system = await startTestSupergraph({ seed: 'small' });
  const login = async (email: string, password: string) =>
    (await system.request(LOGIN, { input: { email, password } })).data!.customerAccessTokenCreate.customerAccessToken.accessToken as string;
  staffToken = await login(STAFF.email, STAFF.password);
  await system.request(`mutation { customerCreate(input: { email: "shopper@example.com", password: "a long password" }) { userErrors { code } } }`);
  customerToken = await login('shopper@example.com', 'a long password');
});
afterAll(() => system?.close());

describe('catalog writes through the gateway', () => {
  it('staff create a product with two variants; inventory learns of them from the event, at 0 available, and they can be stocked', async () => {
    const created = await system.request(CREATE, { input: productInput('desk-lamp') }, staffToken);
    expect(created.data!.productCreate.userErrors).toEqual([]);
    const variants = created.data!.productCreate.product.variants.nodes as { id: string; sku: string }[];
    expect(variants.map((v) => v.sku)).toEqual(['DESK-LAMP-BRASS', 'DESK-LAMP-STEEL']);

    // Inventory knows a variant once its stock item exists; until then it reads as 0 too, so wait on the item.
    const ids = variants.map((v) => uuidOf(v.id));
    expect(await eventually(() => itemsOf(system.subgraphs.inventory!, ids), (n) => n === 2)).toBe(2);
    const read = await system.request(VARIANTS, { handle: 'desk-lamp' });
    expect(read.data!.product.variants.nodes).toEqual(variants.map((v) => ({ id: v.id, sku: v.sku, quantityAvailable: 0 })));

    const locations = await system.request(`{ locations(first: 5) { nodes { id fulfillsOnlineOrders } } }`);
    const warehouse = locations.data!.locations.nodes.find((l: { fulfillsOnlineOrders: boolean }) => l.fulfillsOnlineOrders);
    const stocked = await system.request(ADJUST, { input: { variantId: variants[0]!.id, locationId: warehouse.id, delta: 12, reason: 'RECEIVED' } }, staffToken);
    expect(stocked.data!.inventoryAdjustQuantity).toEqual({ stockLevel: { onHand: 12 }, userErrors: [] });
    const after = await system.request(VARIANTS, { handle: 'desk-lamp' });
    expect(after.data!.product.variants.nodes.map((v: { quantityAvailable: number }) => v.quantityAvailable)).toEqual([12, 0]);
  });

  it('a customer or an anonymous caller gets a user error, and nothing is written', async () => {
    const before = await productCount();
    const outbox = await system.subgraphs.products!.sql('select count(*)::int as n from kit_outbox');
    for (const [token, code] of [[customerToken, 'FORBIDDEN'], [undefined, 'UNAUTHENTICATED']] as const) {
      const result = await system.request(CREATE, { input: productInput(`not-${code.toLowerCase()}`) }, token);
      expect(result.errors).toBeUndefined();
      expect(result.data!.productCreate).toEqual({ product: null, userErrors: [{ code, field: null, message: expect.any(String) }] });
    }
    expect(await productCount()).toBe(before);
    expect(await system.subgraphs.products!.sql('select count(*)::int as n from kit_outbox')).toEqual(outbox);
  });
});

describe('durable events across subgraphs', () => {
  it('a product created while inventory is stopped reaches inventory when it starts again', { timeout: 60_000 }, async () => {
    const databaseUrl = await createTestDatabase('catch_up');
    const local = await startTestSupergraph({ databaseUrl });
    try {
      await local.subgraphs.inventory!.close();
      // No staff account in this unseeded system: the products subgraph is asked directly, as staff.
      const created = await local.subgraphs.products!.request(
        `mutation ($input: ProductCreateInput!) { productCreate(input: $input) { product { variants(first: 5) { nodes { id } } } userErrors { code } } }`,
        { input: productInput('night-lamp') },
        { role: 'staff', customerId: crypto.randomUUID() },
      );
      const ids = (created.data!.productCreate.product.variants.nodes as { id: string }[]).map((v) => uuidOf(v.id));
      expect(ids).toHaveLength(2);
      // Give the relay time to publish while inventory is down.
      await eventually(
        async () => (await local.subgraphs.products!.sql<{ n: number }>('select count(*)::int as n from kit_outbox where published_at is null'))[0]!.n,
        (n) => n === 0,
      );

      const restarted = await startTestSubgraph(inventory, databaseUrl);
      try {
        expect(await eventually(() => itemsOf(restarted, ids), (n) => n === 2)).toBe(2);
      } finally {
        await restarted.close();
      }
    } finally {
      await local.close().catch(() => {});
    }
  });

  it('the same event delivered twice has one effect', async () => {
    const inventoryBus = system.subgraphs.inventory!.server.bus;
    const variantId = crypto.randomUUID();
    const event: DomainEvent = {
      id: crypto.randomUUID(),
      type: 'products.variants.created',
      producer: 'products',
      occurredAt: new Date().toISOString(),
      requestId: null,
      payload: { productId: crypto.randomUUID(), variants: [{ id: variantId, sku: 'TWICE-1' }] },
    };
    const queue = queueOf('inventory', 'products.variants.created');
    const jobs = [await inventoryBus.boss.send(queue, event), await inventoryBus.boss.send(queue, event)];
    for (const id of jobs) {
      const job = await eventually(() => inventoryBus.boss.getJobById(queue, id!), (j) => j?.state === 'completed');
      expect(job?.state).toBe('completed');
    }
    const applied = await system.subgraphs.inventory!.sql('select count(*)::int as n from kit_processed_event where event_id = ?', [event.id]);
    expect(applied).toEqual([{ n: 1 }]);
    expect(await itemsOf(system.subgraphs.inventory!, [variantId])).toBe(1);
  });
});
