import type { EntityManager } from '@mikro-orm/postgresql';
import { Cart } from '../entities/cart.entity.ts';
import { CartLine } from '../entities/cart-line.entity.ts';
import { TaxRule } from '../entities/tax-rule.entity.ts';
import { VariantState } from '../entities/variant-state.entity.ts';
import { CART_DISCOUNT_ROWS, discountInputsOfRows, type CartDiscountInputs } from './discount-rules.ts';

/**
 * What reading a cart needs besides the cart row and its lines, read with them in one statement: the
 * discounts its pricing weighs, the tax rules of its destination (`taxDestinationOf`: the shipping
 * country, else the buyer's), and what product events last said of each line's variant.
 */
export interface CartExtras {
  discounts: CartDiscountInputs;
  taxRules: TaxRule[];
  /** By variant id; a variant no event has reported is absent. */
  states: ReadonlyMap<string, VariantState>;
}

export interface CartRead {
  cart: Cart;
  lines: CartLine[];
  extras: CartExtras;
}

type Row = Record<string, any>;

// Columns of the cart `c`: every per-cart lookup as a JSON array, so however many carts and lines a
// request reads, it costs one statement, not one per table.
const EXTRAS_COLUMNS = `${CART_DISCOUNT_ROWS},
  coalesce((select json_agg(t) from tax_rule t
    where t.country_code = coalesce(nullif(c.ship_country_code, ''), nullif(c.buyer_country_code, ''))), '[]') as tax_rows,
  coalesce((select json_agg(v) from variant_state v
    where v.variant_id in (select l.variant_id from cart_line l where l.cart_id = c.id)), '[]') as state_rows`;
const LINE_COLUMN = `coalesce((select json_agg(l order by l.seq) from cart_line l where l.cart_id = c.id), '[]') as line_rows`;

/** Which carts to read: a fixed condition on `c` with one array parameter (values never go into the SQL). */
export const BY_ID = 'c.id = any(?::uuid[])';
export const OPEN_OF_CUSTOMER = `c.customer_id = any(?::uuid[]) and c.status = 'OPEN'`;

/** JSON carries timestamps as text; the entities want dates. */
function withDates(row: Row, columns: readonly string[]): Row {
  const copy = { ...row };
  for (const column of columns) if (typeof copy[column] === 'string') copy[column] = new Date(copy[column]);
  return copy;
}

function extrasOf(em: EntityManager, row: Row): CartExtras {
  const states = (row.state_rows as Row[]).map((state) => em.map(VariantState, withDates(state, ['observed_at'])));
  return {
    discounts: discountInputsOfRows(row.discount_rows),
    taxRules: (row.tax_rows as Row[]).map((rule) => em.map(TaxRule, rule)),
    states: new Map(states.map((state) => [state.variantId, state])),
  };
}

/** Carts matching `where` (BY_ID, OPEN_OF_CUSTOMER) for `keys`, each with its lines (in the order added) and extras. */
export async function readCarts(em: EntityManager, where: typeof BY_ID | typeof OPEN_OF_CUSTOMER, keys: readonly string[]): Promise<CartRead[]> {
  const rows = await em.execute<Row[]>(`select c.*, ${LINE_COLUMN}, ${EXTRAS_COLUMNS} from cart c where ${where}`, [`{${keys.join(',')}}`]);
  return rows.map((row) => {
    const { line_rows, discount_rows, tax_rows, state_rows, ...cart } = row;
    return {
      cart: em.map(Cart, cart),
      lines: (line_rows as Row[]).map((line) => em.map(CartLine, withDates(line, ['snapshot_at', 'created_at']))),
      extras: extrasOf(em, row),
    };
  });
}

/** The extras of carts whose rows and lines the request already holds (a mutation's payload): one statement. */
export async function readCartExtras(em: EntityManager, cartIds: readonly string[]): Promise<Map<string, CartExtras>> {
  const rows = await em.execute<Row[]>(`select c.id, ${EXTRAS_COLUMNS} from cart c where ${BY_ID}`, [`{${cartIds.join(',')}}`]);
  return new Map(rows.map((row) => [row.id as string, extrasOf(em, row)]));
}
