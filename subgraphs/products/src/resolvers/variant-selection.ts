import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ListingVariantColumns } from '../services/listing-variants.ts';

/** What a product card shows of a variant (listing-variants.ts's `card` columns give exactly these). */
const CARD_FIELDS = new Set(['__typename', 'id', 'title', 'price']);

/** Per operation (Apollo Server keeps one parsed document per query text). */
const columnsOf = new WeakMap<OperationDefinitionNode, ListingVariantColumns>();

/**
 * The variant columns a listing must read for this operation: `card` when nothing in the whole operation,
 * on any path, asks a variant for more than a product card shows. The whole operation, not this field
 * alone: the page's variants prime the request's loaders, which another path of the same request may read.
 */
export function listingVariantColumns(info: GraphQLResolveInfo): ListingVariantColumns {
  let columns = columnsOf.get(info.operation);
  if (columns === undefined) {
    const asked = variantFieldsOf(info);
    columns = [...asked].every((field) => CARD_FIELDS.has(field)) ? 'card' : 'all';
    columnsOf.set(info.operation, columns);
  }
  return columns;
}

/** The schema's types as this walk reads them, without graphql-js's class checks (see kit's compiled-executor.ts). */
interface TypeLike {
  name?: string;
  ofType?: TypeLike;
  getFields?: () => Record<string, { type: TypeLike }>;
}

/**
 * Names of the fields the operation selects on ProductVariant, through every fragment, whatever the alias;
 * `*` when a selection's type could not be followed (a valid operation never has one), so it counts as all.
 */
function variantFieldsOf(info: GraphQLResolveInfo): Set<string> {
  const found = new Set<string>();
  const visited = new Set<string>();
  const typeNamed = (name: string) => info.schema.getType(name) as TypeLike | undefined;
  const walk = (set: SelectionSetNode, parent: TypeLike | undefined) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!parent) found.add('*');
        if (parent?.name === 'ProductVariant') found.add(selection.name.value);
        if (!selection.selectionSet) continue;
        let type = parent?.getFields?.()[selection.name.value]?.type;
        while (type?.ofType) type = type.ofType;
        walk(selection.selectionSet, type);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : parent);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment: FragmentDefinitionNode | undefined = info.fragments[selection.name.value];
        if (fragment) walk(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value));
      }
    }
  };
  const root = { query: info.schema.getQueryType(), mutation: info.schema.getMutationType(), subscription: info.schema.getSubscriptionType() }[info.operation.operation];
  walk(info.operation.selectionSet, (root ?? undefined) as TypeLike | undefined);
  return found;
}
