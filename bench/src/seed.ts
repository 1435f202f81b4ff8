/**
 * Migrates the run's database and fills it: the benchmark catalog written in bulk, as each subgraph's own
 * role into its own schema, then every subgraph's normal seed (stock at the warehouse and the store, tax
 * rules, discounts, shipping zones and rates, the staff account and the demo customer).
 *
 * The rows are the ones the services would have written: products' tables as the catalog mutations fill
 * them, and inventory's items as its `products.variants.created` subscriber inserts them. The events
 * themselves are not emitted: applying 10,000 of them one by one is what takes `npm start`'s seed its
 * time, and nothing else listens to a catalog being created. One multi-row statement per table.
 */
import pg from 'pg';
import type { Logger } from '#kit';
import { prepareDatabase } from '../../scripts/prepare-database.ts';
import type { BenchCatalog } from './catalog.ts';
import type { BenchDatabase } from './database.ts';

export const BENCH_STAFF = { email: 'bench-staff@example.com', password: 'bench-staff-password-2026' };

export async function seedBenchDatabase(db: BenchDatabase, catalog: BenchCatalog, log: Logger): Promise<void> {
  const events = { role: db.eventsRole };
  await prepareDatabase({ urlFor: db.urlFor, events, log });
  await asRole(db.urlFor('products'), (client) => insertCatalog(client, catalog));
  await asRole(db.urlFor('inventory'), (client) =>
    client.query(`insert into inventory.inventory_item (variant_id) select unnest($1::uuid[]) on conflict do nothing`, [catalog.variants.map((v) => v.id)]),
  );
  // Products finds its catalog there and seeds nothing; inventory stocks every item it knows; the rest as usual.
  await prepareDatabase({ urlFor: db.urlFor, events, seed: { size: 'small', staff: BENCH_STAFF }, log });
  // Fresh statistics and visibility maps, as a database that has been running a while would have. With
  // `analyze` alone, autovacuum visited the freshly written tables during the first round: PostgreSQL then
  // spent 6.6 ms per listing against 2.0 in the next. Tables the user does not own are skipped, with a notice.
  await asRole(db.adminUrl, (client) => client.query('vacuum analyze'));
}

async function asRole<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function insertCatalog(client: pg.Client, catalog: BenchCatalog): Promise<void> {
  const { categories, products, variants } = catalog;
  await client.query('begin');
  try {
    await client.query(
      `insert into products.category (id, handle, title, description)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
      [categories.map((c) => c.id), categories.map((c) => c.handle), categories.map((c) => c.title), categories.map((c) => c.description)],
    );
    await client.query(
      `insert into products.product (id, handle, title, description, price_min_minor, price_max_minor, currency_code, status, created_at, updated_at)
       select id, handle, title, description, min, max, 'USD', 'ACTIVE', created, created
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::timestamptz[]) as t(id, handle, title, description, min, max, created)`,
      [
        products.map((p) => p.id),
        products.map((p) => p.handle),
        products.map((p) => p.title),
        products.map((p) => p.description),
        products.map((p) => p.priceMinMinor),
        products.map((p) => p.priceMaxMinor),
        products.map((p) => p.createdAt.toISOString()),
      ],
    );
    await client.query(
      `insert into products.product_variant (id, product_id, sku, title, price_minor, currency_code, weight_grams, selected_options, position, tax_class)
       select id, product_id, sku, title, price, 'USD', weight, options::jsonb, position, tax_class
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::int[], $9::text[])
         as t(id, product_id, sku, title, price, weight, options, position, tax_class)`,
      [
        variants.map((v) => v.id),
        variants.map((v) => v.productId),
        variants.map((v) => v.sku),
        variants.map((v) => v.title),
        variants.map((v) => v.priceMinor),
        variants.map((v) => v.weightGrams),
        variants.map((v) => JSON.stringify(v.selectedOptions)),
        variants.map((v) => v.position),
        variants.map((v) => v.taxClass),
      ],
    );
    const memberships = products.flatMap((p) => p.categoryIds.map((category) => [p.id, category] as const));
    await client.query(
      `insert into products.product_category (product_id, category_id) select * from unnest($1::uuid[], $2::uuid[])`,
      [memberships.map(([product]) => product), memberships.map(([, category]) => category)],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
