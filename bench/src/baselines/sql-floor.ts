/**
 * Baseline (c), the floor: one process, one hand-written SQL statement for the listing's first page (24
 * products by title, up to 10 variants each with price and online stock), shaped as the GraphQL answer and
 * sent as JSON over HTTP. No GraphQL, no federation, no ORM: what the listing costs at the least.
 * Run as a child process: DATABASE_URL=… PORT=… node bench/src/baselines/sql-floor.ts
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { formatMinorUnits, toGlobalId } from '#kit';

const PAGE = 24;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const LISTING = `
  with page as (
    select id, handle, title, price_min_minor, price_max_minor, currency_code
    from products.product where status = 'ACTIVE' order by title, id limit $1
  )
  select p.id, p.handle, p.title, p.price_min_minor, p.price_max_minor, p.currency_code,
         v.id as variant_id, v.title as variant_title, v.price_minor,
         coalesce((select sum(s.on_hand - s.reserved) from inventory.stock_level s join inventory.location l on l.id = s.location_id
                   where s.variant_id = v.id and l.active and l.fulfills_online_orders), 0)::int as available
  from page p
  left join lateral (select * from products.product_variant v where v.product_id = p.id order by v.position limit 10) v on true
  order by p.title, p.id, v.position`;

interface Row {
  id: string;
  handle: string;
  title: string;
  price_min_minor: number;
  price_max_minor: number;
  currency_code: string;
  variant_id: string | null;
  variant_title: string;
  price_minor: number;
  available: number;
}

const money = (minor: number, currencyCode: string) => ({ __typename: 'Money', amount: formatMinorUnits(minor, currencyCode), currencyCode });

function listing(rows: Row[]) {
  const nodes: any[] = [];
  const byId = new Map<string, any>();
  for (const row of rows) {
    let product = byId.get(row.id);
    if (!product) {
      product = {
        __typename: 'Product',
        handle: row.handle,
        id: toGlobalId('Product', row.id),
        priceRange: { __typename: 'ProductPriceRange', maxVariantPrice: money(row.price_max_minor, row.currency_code), minVariantPrice: money(row.price_min_minor, row.currency_code) },
        title: row.title,
        variants: { __typename: 'ProductVariantConnection', nodes: [] },
      };
      byId.set(row.id, product);
      nodes.push(product);
    }
    if (row.variant_id) {
      product.variants.nodes.push({
        __typename: 'ProductVariant',
        availableForSale: row.available > 0,
        id: toGlobalId('ProductVariant', row.variant_id),
        price: money(row.price_minor, row.currency_code),
        quantityAvailable: row.available,
        title: row.variant_title,
      });
    }
  }
  const page = nodes.slice(0, PAGE);
  const last = page.at(-1);
  return { data: { products: { __typename: 'ProductConnection', nodes: page, pageInfo: { __typename: 'PageInfo', endCursor: last ? Buffer.from(JSON.stringify(['title', last.title, last.id])).toString('base64url') : null, hasNextPage: nodes.length > PAGE } } } };
}

const server = createServer(async (req, res) => {
  try {
    if (req.url === '/health/ready') return void res.end('ok');
    // One more product than the page tells whether a next page exists, as the products subgraph does.
    const { rows } = await pool.query<Row>(LISTING, [PAGE + 1]);
    const body = JSON.stringify(listing(rows));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  } catch {
    res.writeHead(500).end();
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
