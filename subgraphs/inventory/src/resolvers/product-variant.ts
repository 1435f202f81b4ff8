import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { parseGlobalId, toGlobalId } from '#kit';
import { stockAtActiveLocations } from '../services/stock-availability.service.ts';
import type { ProductVariantResolvers } from '../generated/resolvers-types.ts';
import type { VariantRef } from '../variant-ref.ts';

const AVAILABILITY_FIELDS = new Set(['quantityAvailable', 'availableForSale']);

/** Per operation (Apollo Server keeps one parsed document per query text): does `_entities` ask availability? */
const asksAvailability = new WeakMap<object, boolean>();

function selectsAvailability(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (selection.kind === 'Field') return AVAILABILITY_FIELDS.has(selection.name.value);
    if (selection.kind === 'InlineFragment') return selectsAvailability(selection.selectionSet, info);
    return selectsAvailability(info.fragments[selection.name.value]?.selectionSet, info);
  });
}

/** The fields inventory contributes to the products subgraph's ProductVariant. */
export const ProductVariant: ProductVariantResolvers = {
  /**
   * When the gateway asks a variant's availability (a listing's 72 variants, say), each reference comes with
   * it, loaded for all of them in one statement, and the two fields read it without a promise each: per
   * variant, one promise instead of three and an async function. Otherwise no query here: whatever is asked
   * next is loaded for all representations at once. Should the load fail, the fields load again themselves,
   * so the error lands on them, as it always has, rather than on the whole variant.
   */
  __resolveReference: (ref, ctx, info) => {
    const variantId = parseGlobalId(ref.id, 'ProductVariant');
    let asks = asksAvailability.get(info.operation);
    if (asks === undefined) asksAvailability.set(info.operation, (asks = info.fieldNodes.some((node) => selectsAvailability(node.selectionSet, info))));
    if (!asks) return { variantId };
    return ctx.loaders.availableOnlineByVariantId.load(variantId).then(
      (available): VariantRef => ({ variantId, available }),
      (): VariantRef => ({ variantId }),
    );
  },
  id: (variant) => toGlobalId('ProductVariant', variant.variantId),
  quantityAvailable: (variant, _args, ctx) => variant.available ?? ctx.loaders.availableOnlineByVariantId.load(variant.variantId),
  availableForSale: (variant, _args, ctx) =>
    variant.available !== undefined ? variant.available > 0 : ctx.loaders.availableOnlineByVariantId.load(variant.variantId).then((available) => available > 0),
  stockLevels: async (variant, _args, ctx) =>
    (await stockAtActiveLocations(ctx.loaders, variant.variantId)).map(({ level }) => level),
};
