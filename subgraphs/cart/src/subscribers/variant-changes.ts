import type { DomainEvent, RequestContext } from '#kit';
import { fetchVariantFacts } from '../services/catalog.ts';

/** The products subgraph's `products.variants.updated` payload (ids are uuids). */
export interface VariantsUpdated {
  productId: string;
  variants: { id: string; sku: string }[];
}

/** The products subgraph's `products.product.archived` payload. */
export interface ProductArchived {
  productId: string;
}

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Asks products for the variants' current price, currency and status (one batched call) and records it
 * in `variant_state`, which warnings compare each line's snapshot with. Payloads carry only ids, and
 * what products says when asked is newer than any payload could be; so a late or repeated event can
 * only record the truth again. Failing to reach products throws: the event is retried with backoff.
 */
async function recordVariantStates(ctx: RequestContext, variantIds: readonly string[]): Promise<void> {
  if (variantIds.length === 0) return;
  const askedAt = new Date();
  const facts = [...(await fetchVariantFacts(ctx, variantIds)).values()].filter((fact) => fact !== null);
  if (facts.length === 0) return;
  await ctx.em.execute(
    `insert into variant_state (variant_id, product_id, price_minor, currency_code, product_status, observed_at)
     select variant_id, product_id, price_minor, currency_code, product_status, ?::timestamptz
     from jsonb_to_recordset(?::jsonb) as x(variant_id uuid, product_id uuid, price_minor int, currency_code text, product_status text)
     on conflict (variant_id) do update set product_id = excluded.product_id, price_minor = excluded.price_minor,
       currency_code = excluded.currency_code, product_status = excluded.product_status, observed_at = excluded.observed_at
     where variant_state.observed_at <= excluded.observed_at`,
    [
      askedAt.toISOString(),
      JSON.stringify(facts.map((fact) => ({
        variant_id: fact.variantId, product_id: fact.productId, price_minor: fact.priceMinor,
        currency_code: fact.currencyCode, product_status: fact.productStatus,
      }))),
    ],
  );
  ctx.log.info({ variants: facts.length }, 'recorded catalog changes for variants in open carts');
}

/** Only variants in some open cart (or one being checked out, which may open again) matter: the rest of the catalog may change as it likes. */
export async function onVariantsUpdated(ctx: RequestContext, event: DomainEvent<VariantsUpdated>): Promise<void> {
  const ids = event.payload.variants.map((variant) => variant.id);
  if (ids.length === 0) return;
  const rows = await ctx.em.execute<{ variant_id: string }[]>(
    `select distinct l.variant_id from cart_line l join cart c on c.id = l.cart_id
     where c.status in ('OPEN', 'CHECKING_OUT') and l.variant_id = any(?::uuid[])`,
    [uuidArray(ids)],
  );
  await recordVariantStates(ctx, rows.map((row) => row.variant_id));
}

export async function onProductArchived(ctx: RequestContext, event: DomainEvent<ProductArchived>): Promise<void> {
  const rows = await ctx.em.execute<{ variant_id: string }[]>(
    `select distinct l.variant_id from cart_line l join cart c on c.id = l.cart_id
     where c.status in ('OPEN', 'CHECKING_OUT') and l.product_id = ?`,
    [event.payload.productId],
  );
  await recordVariantStates(ctx, rows.map((row) => row.variant_id));
}
