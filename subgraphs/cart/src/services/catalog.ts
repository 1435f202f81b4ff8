import { parseMinorUnits, ServiceCallError, toGlobalId, type RequestContext } from '#kit';
import { PRODUCT_STATUSES, TAX_CLASSES, type ProductStatus, type TaxClass } from '../entities/cart-line.entity.ts';

/** What a line snapshots of its variant, as products says it now. */
export interface VariantFacts {
  variantId: string;
  productId: string;
  priceMinor: number;
  currencyCode: string;
  weightGrams: number;
  taxClass: TaxClass;
  productStatus: ProductStatus;
  productTitle: string;
}

// One selection everywhere: calls of one request with the same selection share one `_entities` batch.
const VARIANT_SELECTION = 'price { amount currencyCode } weight { value unit } taxClass product { id status title }';
const GRAMS_PER: Record<string, number> = { GRAMS: 1, KILOGRAMS: 1000, OUNCES: 28.349523125, POUNDS: 453.59237 };

interface VariantAnswer {
  price?: { amount?: string; currencyCode?: string };
  weight?: { value?: number; unit?: string };
  taxClass?: string;
  product?: { id?: string; status?: string; title?: string };
}

function readFacts(variantId: string, answer: VariantAnswer): VariantFacts {
  const currencyCode = answer.price?.currencyCode ?? '';
  const priceMinor = parseMinorUnits(answer.price?.amount ?? '', currencyCode);
  const gramsPer = GRAMS_PER[answer.weight?.unit ?? ''];
  const productId = answer.product?.id?.split('/').at(-1) ?? '';
  const status = answer.product?.status as ProductStatus;
  const taxClass = answer.taxClass as TaxClass;
  if (priceMinor === null || gramsPer === undefined || typeof answer.weight?.value !== 'number' || !productId
    || !PRODUCT_STATUSES.includes(status) || !TAX_CLASSES.includes(taxClass)) {
    throw new ServiceCallError('products', 'BAD_RESPONSE', `variant ${variantId} answered without a usable price, weight, tax class or product`);
  }
  return {
    variantId,
    productId,
    priceMinor,
    currencyCode,
    // Products answers in grams already; other units are converted to the gram.
    weightGrams: Math.round(answer.weight.value * gramsPer),
    taxClass,
    productStatus: status,
    productTitle: answer.product?.title ?? '',
  };
}

/**
 * The catalog's current word on each variant (null for a variant products does not know), in one
 * batched `_entities` call per request, however many ids. Archived products' variants still resolve,
 * with their status. Throws ServiceCallError when products does not answer.
 */
export async function fetchVariantFacts(ctx: RequestContext, variantIds: readonly string[]): Promise<Map<string, VariantFacts | null>> {
  const unique = [...new Set(variantIds)];
  const answers = await Promise.all(
    unique.map((id) => ctx.services.entity<VariantAnswer>('products', 'ProductVariant', VARIANT_SELECTION, toGlobalId('ProductVariant', id))),
  );
  return new Map(unique.map((id, index) => [id, answers[index] ? readFacts(id, answers[index]) : null]));
}

/**
 * Units inventory can sell online now, per variant (0 for one it does not know), in one batched call.
 * Throws ServiceCallError when inventory does not answer.
 */
export async function fetchQuantitiesAvailable(ctx: RequestContext, variantIds: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(variantIds)];
  const answers = await Promise.all(
    unique.map((id) => ctx.services.entity<{ quantityAvailable?: number }>('inventory', 'ProductVariant', 'quantityAvailable', toGlobalId('ProductVariant', id))),
  );
  return new Map(unique.map((id, index) => [id, answers[index]?.quantityAvailable ?? 0]));
}
