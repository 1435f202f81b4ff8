import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether a connection field asks for `field` on its nodes (`nodes { field }` or `edges { node { field } }`),
 * through inline and named fragments, by field name whatever the alias. `@skip` and `@include` are not
 * evaluated: a field that may be asked counts as asked (loading it for nothing costs a little SQL, not
 * loading it one more statement).
 */
export function connectionNodesSelect(info: GraphQLResolveInfo, field: string): boolean {
  const fieldsNamed = (set: SelectionSetNode | undefined, name: string, seen = new Set<string>()): FieldNode[] => {
    const found: FieldNode[] = [];
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        found.push(...fieldsNamed(selection.selectionSet, name, seen));
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        found.push(...fieldsNamed(info.fragments[selection.name.value]?.selectionSet, name, seen));
      }
    }
    return found;
  };
  const nodeSets = info.fieldNodes.flatMap((connection) => [
    ...fieldsNamed(connection.selectionSet, 'nodes'),
    ...fieldsNamed(connection.selectionSet, 'edges').flatMap((edges) => fieldsNamed(edges.selectionSet, 'node')),
  ]);
  return nodeSets.some((nodes) => fieldsNamed(nodes.selectionSet, field).length > 0);
}
