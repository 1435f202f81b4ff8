import { type AddressFields } from '#kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CartStatus } from '../entities/cart.entity.ts';
import type { ProductStatus, TaxClass } from '../entities/cart-line.entity.ts';
import type { QuotedOption } from './shipping-quote.ts';

/**
 * The write side of a cart: plain rows read under the cart's lock, changed in memory by a mutation,
 * then written back in a fixed handful of statements whatever the number of lines. Plain objects, not
 * managed entities, so nothing is flushed behind the statements written here.
 */

export interface CartRow {
  id: string;
  status: CartStatus;
  customerId: string | null;
  mergedIntoId: string | null;
  currencyCode: string;
  email: string | null;
  buyerCountryCode: string | null;
  address: AddressFields | null;
  shippingServed: boolean | null;
  option: QuotedOption | null;
  quoteKey: string | null;
  lostOptionTitle: string | null;
  /** The order it is being checked out for, while CHECKING_OUT. */
  checkoutOrderId: string | null;
  /** Changes written so far; the upsert adds one. */
  revision: number;
  /** The store a till cart is sold at (inventory Location uuid); set when the cart is created, never after. */
  locationId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DraftLine {
  id: string;
  variantId: string;
  productId: string;
  quantity: number;
  unitPriceMinor: number;
  currencyCode: string;
  weightGrams: number;
  taxClass: TaxClass;
  productStatus: ProductStatus;
  productTitle: string;
  /** When the snapshot was last taken; null until it is taken in this mutation. */
  snapshotAt: Date | null;
}

export interface CartDraft {
  cart: CartRow;
  lines: DraftLine[];
  removedLineIds: Set<string>;
  codes: string[];
  codesChanged: boolean;
  /**
   * Other carts this change closes: a customer's cart merged into this one, or found expired; or a cart
   * whose checkout was cancelled while its customer had this one open, merged into it.
   */
  retired: { id: string; status: 'MERGED' | 'EXPIRED' }[];
}

type Row = Record<string, any>;

export function toCartRow(row: Row): CartRow {
  return {
    id: row.id,
    status: row.status,
    customerId: row.customer_id,
    mergedIntoId: row.merged_into_id,
    currencyCode: row.currency_code,
    email: row.email,
    buyerCountryCode: row.buyer_country_code,
    address: row.ship_address1 === null ? null : {
      firstName: row.ship_first_name,
      lastName: row.ship_last_name,
      address1: row.ship_address1,
      address2: row.ship_address2,
      city: row.ship_city,
      provinceCode: row.ship_province_code,
      zip: row.ship_zip,
      countryCode: row.ship_country_code,
      phone: row.ship_phone,
    },
    shippingServed: row.shipping_served,
    option: row.shipping_option_id === null ? null : {
      id: row.shipping_option_id,
      title: row.shipping_option_title,
      carrier: row.shipping_option_carrier,
      priceMinor: row.shipping_option_price_minor,
      estimatedDays: row.shipping_option_estimated_days,
    },
    quoteKey: row.shipping_quote_key,
    lostOptionTitle: row.shipping_option_lost_title,
    checkoutOrderId: row.checkout_order_id ?? null,
    revision: row.revision ?? 0,
    locationId: row.location_id ?? null,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toDraftLine(row: Row): DraftLine {
  return {
    id: row.id,
    variantId: row.variant_id,
    productId: row.product_id,
    quantity: row.quantity,
    unitPriceMinor: row.unit_price_minor,
    currencyCode: row.currency_code,
    weightGrams: row.weight_grams,
    taxClass: row.tax_class,
    productStatus: row.product_status,
    productTitle: row.product_title,
    snapshotAt: new Date(row.snapshot_at),
  };
}

export function newCartRow(customerId: string | null, locationId: string | null = null): CartRow {
  const now = new Date();
  return {
    id: crypto.randomUUID(), status: 'OPEN', customerId, mergedIntoId: null, currencyCode: DEFAULT_CURRENCY,
    email: null, buyerCountryCode: null, address: null, shippingServed: null, option: null, quoteKey: null,
    lostOptionTitle: null, checkoutOrderId: null, revision: 0, locationId, createdAt: now, updatedAt: now,
  };
}

/** The seeded market's currency: an empty cart's until its first line brings its own. */
export const DEFAULT_CURRENCY = 'USD';

/**
 * Before the lock: who may see the cart, and which variants it holds, so the calls to products and
 * inventory are made before the row is locked (a slow dependency then holds no lock and no connection).
 */
export async function preReadCart(em: EntityManager, cartId: string) {
  const [row] = await em.execute<Row[]>(
    `select c.status, c.customer_id, c.updated_at, c.location_id,
       coalesce((select json_agg(json_build_object('id', l.id, 'variantId', l.variant_id)) from cart_line l where l.cart_id = c.id), '[]') as lines
     from cart c where c.id = ?`,
    [cartId],
  );
  if (!row) return null;
  return {
    access: { status: row.status as CartStatus, customerId: row.customer_id as string | null, updatedAt: new Date(row.updated_at) },
    locationId: row.location_id as string | null,
    lines: row.lines as { id: string; variantId: string }[],
  };
}

/** Locks the cart row; every change to a cart waits here for the one before it, so none is lost. */
export async function lockCart(em: EntityManager, cartId: string): Promise<CartRow | null> {
  const [row] = await em.execute<Row[]>('select * from cart where id = ? for update', [cartId]);
  return row ? toCartRow(row) : null;
}

/**
 * Locks a customer's open cart, if any. The advisory lock serialises everything that could give the
 * customer a second open cart (creating, claiming), which the partial unique index would otherwise
 * only refuse, as an error, after the fact.
 */
export async function lockOpenCartOf(em: EntityManager, customerId: string, exceptId: string | null): Promise<CartRow | null> {
  await em.execute(`select pg_advisory_xact_lock(hashtext('cart.customer:' || ?))`, [customerId]);
  const [row] = await em.execute<Row[]>(
    `select * from cart where customer_id = ? and status = 'OPEN' and id is distinct from ? for update`,
    [customerId, exceptId],
  );
  return row ? toCartRow(row) : null;
}

/** A locked cart's lines (in the order added) and codes (in the order entered), read after the lock so they are current. */
export async function loadDraft(em: EntityManager, cart: CartRow): Promise<CartDraft> {
  const rows = await em.execute<Row[]>(
    `select 'line' as kind, to_jsonb(l) as line, null as code, l.seq as position from cart_line l where l.cart_id = ?
     union all
     select 'code', null, code, position from cart_discount_code where cart_id = ?
     order by kind, position`,
    [cart.id, cart.id],
  );
  const lines = rows.filter((row) => row.kind === 'line').map((row) => toDraftLine(row.line));
  const codes = rows.filter((row) => row.kind === 'code').map((row) => row.code as string);
  return { cart, lines, removedLineIds: new Set(), codes, codesChanged: false, retired: [] };
}

/** The statements of a change: closed carts, removed lines, the cart, its lines, its codes. Returns rows for the payload. */
export async function writeDraft(em: EntityManager, draft: CartDraft): Promise<{ cart: Row; lines: Row[] }> {
  for (const other of draft.retired) {
    await em.execute(`update cart set status = ?, merged_into_id = ?, checkout_order_id = null, checkout_started_at = null, updated_at = now() where id = ?`, [
      other.status, other.status === 'MERGED' ? draft.cart.id : null, other.id,
    ]);
  }
  if (draft.removedLineIds.size > 0) {
    await em.execute('delete from cart_line where cart_id = ? and id = any(?::uuid[])', [draft.cart.id, `{${[...draft.removedLineIds].join(',')}}`]);
  }
  const { cart } = draft;
  const address = cart.address;
  const [cartRow] = await em.execute<Row[]>(
    `insert into cart (id, status, customer_id, currency_code, email, buyer_country_code,
       ship_first_name, ship_last_name, ship_address1, ship_address2, ship_city, ship_province_code, ship_zip, ship_country_code, ship_phone,
       shipping_served, shipping_option_id, shipping_option_title, shipping_option_carrier, shipping_option_price_minor,
       shipping_option_estimated_days, shipping_quote_key, shipping_option_lost_title, location_id)
     values (?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (id) do update set customer_id = excluded.customer_id, currency_code = excluded.currency_code,
       email = excluded.email, buyer_country_code = excluded.buyer_country_code,
       ship_first_name = excluded.ship_first_name, ship_last_name = excluded.ship_last_name, ship_address1 = excluded.ship_address1,
       ship_address2 = excluded.ship_address2, ship_city = excluded.ship_city, ship_province_code = excluded.ship_province_code,
       ship_zip = excluded.ship_zip, ship_country_code = excluded.ship_country_code, ship_phone = excluded.ship_phone,
       shipping_served = excluded.shipping_served, shipping_option_id = excluded.shipping_option_id,
       shipping_option_title = excluded.shipping_option_title, shipping_option_carrier = excluded.shipping_option_carrier,
       shipping_option_price_minor = excluded.shipping_option_price_minor,
       shipping_option_estimated_days = excluded.shipping_option_estimated_days,
       shipping_quote_key = excluded.shipping_quote_key, shipping_option_lost_title = excluded.shipping_option_lost_title,
       revision = cart.revision + 1, updated_at = now()
     returning *`,
    [
      cart.id, cart.customerId, cart.currencyCode, cart.email, cart.buyerCountryCode,
      address?.firstName ?? null, address?.lastName ?? null, address?.address1 ?? null, address?.address2 ?? null, address?.city ?? null,
      address?.provinceCode ?? null, address?.zip ?? null, address?.countryCode ?? null, address?.phone ?? null,
      cart.shippingServed, cart.option?.id ?? null, cart.option?.title ?? null, cart.option?.carrier ?? null,
      cart.option?.priceMinor ?? null, cart.option?.estimatedDays ?? null, cart.quoteKey, cart.lostOptionTitle, cart.locationId,
    ],
  );
  let lines: Row[] = [];
  if (draft.lines.length > 0) {
    const records = draft.lines.map((line) => ({
      id: line.id, cart_id: cart.id, variant_id: line.variantId, product_id: line.productId, quantity: line.quantity,
      unit_price_minor: line.unitPriceMinor, currency_code: line.currencyCode, weight_grams: line.weightGrams,
      tax_class: line.taxClass, product_status: line.productStatus, product_title: line.productTitle,
      snapshot_at: (line.snapshotAt ?? new Date()).toISOString(),
    }));
    // One statement for every line, new or re-snapshotted: rows travel as one JSON parameter.
    lines = await em.execute<Row[]>(
      `insert into cart_line (id, cart_id, variant_id, product_id, quantity, unit_price_minor, currency_code, weight_grams,
         tax_class, product_status, product_title, snapshot_at)
       select id, cart_id, variant_id, product_id, quantity, unit_price_minor, currency_code, weight_grams, tax_class,
         product_status, product_title, snapshot_at
       from jsonb_to_recordset(?::jsonb) as x(id uuid, cart_id uuid, variant_id uuid, product_id uuid, quantity int,
         unit_price_minor int, currency_code text, weight_grams int, tax_class text, product_status text, product_title text,
         snapshot_at timestamptz)
       on conflict (id) do update set quantity = excluded.quantity, unit_price_minor = excluded.unit_price_minor,
         currency_code = excluded.currency_code, weight_grams = excluded.weight_grams, tax_class = excluded.tax_class,
         product_status = excluded.product_status, product_title = excluded.product_title, snapshot_at = excluded.snapshot_at
       returning *`,
      [JSON.stringify(records)],
    );
  }
  if (draft.codesChanged) {
    // Deleting what is gone and upserting the rest touch different rows, so one statement does both.
    await em.execute(
      `with gone as (delete from cart_discount_code where cart_id = ? and not (code = any(?::text[])))
       insert into cart_discount_code (cart_id, code, position)
       select ?, code, position - 1 from unnest(?::text[]) with ordinality as c(code, position)
       on conflict (cart_id, code) do update set position = excluded.position`,
      [cart.id, pgTextArray(draft.codes), cart.id, pgTextArray(draft.codes)],
    );
  }
  return { cart: cartRow!, lines: lines.sort((a, b) => Number(a.seq) - Number(b.seq)) };
}

/** A PostgreSQL array literal of codes (already restricted to [A-Z0-9_-], so nothing needs quoting). */
function pgTextArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}
