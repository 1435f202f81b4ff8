import { assertNoInputErrors, tryParseGlobalId, userError, type UserError } from '#kit';
import type {
  CategoryCreateInput,
  CategoryUpdateInput,
  ProductCreateInput,
  ProductUpdateInput,
  ProductVariantCreateInput,
  ProductVariantUpdateInput,
} from '../generated/resolvers-types.ts';
import type { CategoryChanges, NewCategoryInput } from './category-write.service.ts';
import { CatalogErrorCode } from './catalog-rules.ts';
import { readPrice, readWeight } from './money-input.ts';
import type { NewProductInput, ProductChanges } from './product-write.service.ts';
import type { NewVariantInput, VariantChanges } from './variant-write.service.ts';

/**
 * The mutations' GraphQL inputs read into the services' inputs: global ids to uuids, Money to minor
 * units, Weight to grams, null to "not given". Only what cannot be read is refused here (every problem
 * at once, as InputErrors); the services check the rest. Field paths are relative to the mutation's
 * arguments without `input` (see schema-fields.ts). Readers of several arguments return the service's
 * arguments after `ctx`, in order, so a resolver spreads them into the call.
 */

/** A global id of `type` as a uuid; a malformed one is an INVALID userError on `field`. */
export function readId(id: string, type: string, field: readonly string[], errors: UserError[]): string {
  const local = tryParseGlobalId(id, type);
  if (local === null) errors.push(userError(CatalogErrorCode.INVALID, `Not a ${type} id.`, field));
  return local ?? '';
}

/** Reads one id argument on its own (`productArchive(id)`), refusing it when malformed. */
export function readIdArgument(id: string, type: string, field: string): string {
  const errors: UserError[] = [];
  const local = readId(id, type, [field], errors);
  assertNoInputErrors(errors);
  return local;
}

// GraphQL gives null for an explicit null and undefined for an omitted field; both mean "not given".
const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

function readNewVariant(variant: ProductVariantCreateInput, index: number, errors: UserError[]): NewVariantInput {
  const field = ['variants', String(index)];
  return {
    sku: variant.sku,
    title: given(variant.title),
    priceMinor: readPrice(variant.price, [...field, 'price'], errors),
    currencyCode: variant.price.currencyCode,
    weightGrams: readWeight(variant.weight, [...field, 'weight'], errors),
    selectedOptions: given(variant.selectedOptions),
    taxClass: given(variant.taxClass),
  };
}

/** The product is priced in its first variant's currency; the service refuses variants priced in another. */
export function readProductCreateInput(input: ProductCreateInput): NewProductInput {
  const errors: UserError[] = [];
  const variants = input.variants.map((variant, index) => readNewVariant(variant, index, errors));
  const categoryIds = (input.categoryIds ?? []).map((id, index) => readId(id, 'Category', ['categoryIds', String(index)], errors));
  assertNoInputErrors(errors);
  return {
    handle: given(input.handle),
    title: input.title,
    description: given(input.description),
    currencyCode: input.variants[0]?.price.currencyCode,
    variants,
    categoryIds,
  };
}

export function readProductUpdateInput(id: string, input: ProductUpdateInput): [productId: string, changes: ProductChanges] {
  const productId = readIdArgument(id, 'Product', 'id');
  return [productId, { handle: given(input.handle), title: given(input.title), description: given(input.description) }];
}

export function readVariantsCreateInput(productId: string, variants: ProductVariantCreateInput[]): [productId: string, variants: NewVariantInput[]] {
  const errors: UserError[] = [];
  const product = readId(productId, 'Product', ['productId'], errors);
  const read = variants.map((variant, index) => readNewVariant(variant, index, errors));
  assertNoInputErrors(errors);
  return [product, read];
}

export function readVariantsUpdateInput(productId: string, variants: ProductVariantUpdateInput[]): [productId: string, changes: VariantChanges[]] {
  const errors: UserError[] = [];
  const product = readId(productId, 'Product', ['productId'], errors);
  const changes = variants.map((variant, index): VariantChanges => {
    const field = ['variants', String(index)];
    return {
      id: readId(variant.id, 'ProductVariant', [...field, 'id'], errors),
      sku: given(variant.sku),
      title: given(variant.title),
      priceMinor: variant.price ? readPrice(variant.price, [...field, 'price'], errors) : undefined,
      currencyCode: variant.price?.currencyCode,
      weightGrams: variant.weight ? readWeight(variant.weight, [...field, 'weight'], errors) : undefined,
      selectedOptions: given(variant.selectedOptions),
      taxClass: given(variant.taxClass),
    };
  });
  assertNoInputErrors(errors);
  return [product, changes];
}

export function readCategoryCreateInput(input: CategoryCreateInput): NewCategoryInput {
  return { handle: given(input.handle), title: input.title, description: given(input.description) };
}

export function readCategoryUpdateInput(id: string, input: CategoryUpdateInput): [categoryId: string, changes: CategoryChanges] {
  const categoryId = readIdArgument(id, 'Category', 'id');
  return [categoryId, { handle: given(input.handle), title: given(input.title), description: given(input.description) }];
}

export function readMembershipInput(categoryId: string, productIds: readonly string[]): [categoryId: string, productIds: string[]] {
  const errors: UserError[] = [];
  const category = readId(categoryId, 'Category', ['categoryId'], errors);
  const products = productIds.map((id, index) => readId(id, 'Product', ['productIds', String(index)], errors));
  assertNoInputErrors(errors);
  return [category, products];
}
