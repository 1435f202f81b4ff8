/**
 * Baseline (b), its subgraphs: products and inventory with their real SDL (buildSubgraphSchema of each
 * schema.graphql) and resolvers answering from memory, loaded once from the run's database at start. A real
 * gateway (gateway/src/main.ts, production mode, the real manifests) in front of these measures what the
 * gateway and federation cost when the subgraphs cost next to nothing: the system's ceiling for a listing.
 *
 * Only what the listing asks is served: Query.products by TITLE (keyset after a cursor), the product and
 * variant fields of ProductCard, and inventory's stock fields by reference. Run as a child process:
 *   DATABASE_URL=… PRODUCTS_PORT=… INVENTORY_PORT=… node bench/src/baselines/memory-subgraphs.ts
 */
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import pg from 'pg';
import { createRequestListener, decodeCursor, encodeCursor, money, readSchema, stringifyResult, toGlobalId } from '#kit';
import { staticCachePolicyPlugin } from '#kit/cache-policy.ts';
import { createCompiledExecutor } from '#kit/compiled-executor.ts';
import { inventory } from '../../../subgraphs/inventory/src/subgraph.ts';
import { products } from '../../../subgraphs/products/src/subgraph.ts';

interface Variant {
  id: string;
  title: string;
  priceMinor: number;
  position: number;
}
interface Product {
  id: string;
  handle: string;
  title: string;
  min: number;
  max: number;
  variants: Variant[];
}

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const productRows = await client.query<{ id: string; handle: string; title: string; min: number; max: number }>(
  `select id, handle, title, price_min_minor as min, price_max_minor as max from products.product where status = 'ACTIVE' order by title, id`,
);
const variantRows = await client.query<{ id: string; product_id: string; title: string; price_minor: number; position: number }>(
  `select id, product_id, title, price_minor, position from products.product_variant order by product_id, position`,
);
const stockRows = await client.query<{ variant_id: string; available: number }>(
  `select s.variant_id, sum(s.on_hand - s.reserved)::int as available
   from inventory.stock_level s join inventory.location l on l.id = s.location_id
   where l.active and l.fulfills_online_orders group by s.variant_id`,
);
await client.end();

const byTitle: Product[] = productRows.rows.map((row) => ({ ...row, variants: [] }));
const productById = new Map(byTitle.map((product) => [product.id, product]));
for (const row of variantRows.rows) productById.get(row.product_id)?.variants.push({ id: row.id, title: row.title, priceMinor: row.price_minor, position: row.position });
const stock = new Map(stockRows.rows.map((row) => [row.variant_id, row.available]));
const indexById = new Map(byTitle.map((product, index) => [product.id, index]));

const connection = <T>(items: T[], hasNextPage: boolean, cursorOf: (item: T) => string) => ({
  nodes: items,
  edges: items.map((node) => ({ node, cursor: cursorOf(node) })),
  pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: items[0] ? cursorOf(items[0]) : null, endCursor: items.length ? cursorOf(items.at(-1)!) : null },
});
const productCursor = (product: Product) => encodeCursor(['title', product.title, product.id]);

const productResolvers = {
  Query: {
    products: (_: unknown, args: { first?: number; after?: string | null }) => {
      const first = args.first ?? 20;
      const start = args.after ? (indexById.get(String(decodeCursor(args.after, 3)[2])) ?? -1) + 1 : 0;
      const page = byTitle.slice(start, start + first);
      return connection(page, start + first < byTitle.length, productCursor);
    },
  },
  Product: {
    id: (product: Product) => toGlobalId('Product', product.id),
    priceRange: (product: Product) => ({ minVariantPrice: money(product.min, 'USD'), maxVariantPrice: money(product.max, 'USD') }),
    variants: (product: Product, args: { first?: number }) => {
      const first = args.first ?? 100;
      return connection(product.variants.slice(0, first), product.variants.length > first, (variant) => encodeCursor([variant.position, variant.id]));
    },
  },
  ProductVariant: {
    id: (variant: Variant) => toGlobalId('ProductVariant', variant.id),
    price: (variant: Variant) => money(variant.priceMinor, 'USD'),
  },
};

const variantIdOf = (globalId: string) => globalId.slice(globalId.lastIndexOf('/') + 1);
const inventoryResolvers = {
  ProductVariant: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id, available: stock.get(variantIdOf(reference.id)) ?? 0 }),
    quantityAvailable: (variant: { available: number }) => variant.available,
    availableForSale: (variant: { available: number }) => variant.available > 0,
  },
};

async function serve(definition: Parameters<typeof readSchema>[0], resolvers: object, port: number): Promise<void> {
  const schema = buildSubgraphSchema([{ typeDefs: parse(readSchema(definition)), resolvers: resolvers as never }]);
  // Apollo Server as the kit configures it for the real subgraphs (kit/src/server.ts): the same executor and
  // cache policy, so that the ceiling differs from the system by the database alone.
  const apollo = new ApolloServer({
    gateway: createCompiledExecutor(schema),
    stringifyResult,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), staticCachePolicyPlugin()],
  });
  await apollo.start();
  const server = createServer(createRequestListener(apollo, { context: async () => ({}), routes: { '/health/ready': (_req, res) => void res.end('ok') } }));
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
}

await serve(products, productResolvers, Number(process.env.PRODUCTS_PORT));
await serve(inventory, inventoryResolvers, Number(process.env.INVENTORY_PORT));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
