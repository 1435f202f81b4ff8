import type { EntityManager } from '@mikro-orm/postgresql';
import type { DiscountRule, EnteredCode } from './pricing/discounts.ts';

/** The discounts a cart's pricing needs: the rule behind each entered code (or none), and every automatic one. */
export interface CartDiscountInputs {
  entered: EnteredCode[];
  automatic: DiscountRule[];
}

type Row = Record<string, any>;

// Usage counts come with each rule: limits compare them, and counting in the same statement keeps a
// cart's pricing at one statement for its discounts however many codes it holds.
const RULE_FIELDS = `d.id, d.code, d.title, d.kind, d.percentage_bp, d.amount_minor, d.currency_code, d.minimum_subtotal_minor,
  d.starts_at, d.ends_at, d.usage_limit, d.usage_limit_per_customer, d.active`;
const RULE_COLUMNS = `${RULE_FIELDS},
  (select count(*) from discount_redemption r where r.discount_id = d.id)::int as times_used,
  (select count(*) from discount_redemption r where r.discount_id = d.id and r.customer_id = c.customer_id)::int as times_used_by_customer`;
// The same, not counting the redemptions of `c.order_id`: an order's own use never makes it "used up" for itself.
const RULE_COLUMNS_BUT_ORDER = `${RULE_FIELDS},
  (select count(*) from discount_redemption r where r.discount_id = d.id and r.order_id <> c.order_id)::int as times_used,
  (select count(*) from discount_redemption r
    where r.discount_id = d.id and r.customer_id = c.customer_id and r.order_id <> c.order_id)::int as times_used_by_customer`;

function toRule(row: Row): DiscountRule {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    kind: row.kind,
    percentageBp: row.percentage_bp,
    amountMinor: row.amount_minor,
    currencyCode: row.currency_code,
    minimumSubtotalMinor: row.minimum_subtotal_minor,
    startsAt: new Date(row.starts_at),
    endsAt: row.ends_at === null ? null : new Date(row.ends_at),
    usageLimit: row.usage_limit,
    usageLimitPerCustomer: row.usage_limit_per_customer,
    active: row.active,
    timesUsed: row.times_used,
    timesUsedByCustomer: row.times_used_by_customer,
  };
}

function collect(rows: Row[], keys: readonly string[]): Map<string, CartDiscountInputs> {
  const byKey = new Map<string, CartDiscountInputs>(keys.map((key) => [key, { entered: [], automatic: [] }]));
  for (const row of rows) {
    const inputs = byKey.get(row.k)!;
    if (row.entered_code !== null) inputs.entered.push({ code: row.entered_code, rule: row.id === null ? null : toRule(row) });
    else inputs.automatic.push(toRule(row));
  }
  return byKey;
}

/**
 * For reading carts: a column of the cart `c` being selected, `discount_rows`, holding its stored codes
 * (in the order entered, each with its rule or none) and the automatic discounts, as a JSON array that
 * `discountInputsOfRows` reads. A column rather than a statement, so a cart's read stays one statement.
 */
export const CART_DISCOUNT_ROWS = `coalesce((select json_agg(x order by x.position nulls last) from (
     select e.code as entered_code, e.position, ${RULE_COLUMNS}
     from (
       select dc.code, dc.position, d.id as discount_id from cart_discount_code dc left join discount d on d.code = dc.code where dc.cart_id = c.id
       union all
       select null, null, d.id from discount d where d.code is null and d.active
     ) e
     left join discount d on d.id = e.discount_id
   ) x), '[]') as discount_rows`;

/** A cart's `discount_rows` (JSON: timestamps as text, which `toRule` reads as dates). */
export function discountInputsOfRows(rows: readonly Row[]): CartDiscountInputs {
  return collect(rows.map((row) => ({ ...row, k: 'cart' })), ['cart']).get('cart')!;
}

/** For a change in progress: the rules of `codes` (not stored yet) for `customerId`'s usage, and the automatic ones. */
export async function discountInputsForCodes(em: EntityManager, codes: readonly string[], customerId: string | null): Promise<CartDiscountInputs> {
  const rows = await em.execute<Row[]>(
    `select 'draft' as k, e.code as entered_code, e.position, ${RULE_COLUMNS}
     from (select ?::uuid as customer_id) c
     join lateral (
       select x.code, x.position, d.id as discount_id from unnest(?::text[]) with ordinality as x(code, position) left join discount d on d.code = x.code
       union all
       select null, null, d.id from discount d where d.code is null and d.active
     ) e on true
     left join discount d on d.id = e.discount_id
     order by e.position nulls last`,
    [customerId, `{${codes.join(',')}}`],
  );
  return collect(rows, ['draft']).get('draft')!;
}

/**
 * For a paid order: the rules of the codes stored on its cart and the automatic ones, with usage counted
 * for `customerId` as it stood apart from this order's own redemptions (so applying the order twice
 * evaluates the same). One statement.
 */
export async function discountInputsForOrder(
  em: EntityManager,
  cartId: string,
  customerId: string | null,
  orderId: string,
): Promise<CartDiscountInputs> {
  const rows = await em.execute<Row[]>(
    `select 'order' as k, e.code as entered_code, e.position, ${RULE_COLUMNS_BUT_ORDER}
     from (select ?::uuid as cart_id, ?::uuid as customer_id, ?::uuid as order_id) c
     join lateral (
       select dc.code, dc.position, d.id as discount_id from cart_discount_code dc left join discount d on d.code = dc.code where dc.cart_id = c.cart_id
       union all
       select null, null, d.id from discount d where d.code is null and d.active
     ) e on true
     left join discount d on d.id = e.discount_id
     order by e.position nulls last`,
    [cartId, customerId, orderId],
  );
  return collect(rows, ['order']).get('order')!;
}
