import type { DefinitionNode, DocumentNode, OperationDefinitionNode } from 'graphql';
import type { Operation, Schema } from '@apollo/federation-internals';

export type OperationFromDocument = (schema: Schema, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => Operation;

interface Memo {
  fragments: readonly DefinitionNode[];
  operation: Operation;
}

/**
 * federation-internals' `operationFromDocument`, remembering the Operation of each call shaped like
 * @apollo/gateway 2.14's executeQueryPlan's: `{ kind, definitions: [operation, ...fragments] }` built per
 * request from Apollo Server's cached document, `{ validate: false }`. Apollo Server parses a query string
 * once and keeps the document (its documentStore, per schema), so a repeated operation brings the same
 * OperationDefinitionNode and fragment nodes, and the Operation built from them is the same: executeQueryPlan
 * only reads it (computeResponse, `variableDefinitions` for plan conditions). Keyed by the API schema, which
 * a new supergraph replaces; the fragment nodes are compared too, one by one. Every other call (planning,
 * warm-up, validated or named) and every failure goes to the library as it came.
 */
export function memoizeOperationFromDocument(original: OperationFromDocument): OperationFromDocument {
  const memos = new WeakMap<Schema, WeakMap<OperationDefinitionNode, Memo>>();
  return function operationFromDocument(...args) {
    const [schema, document, options] = args;
    if (!isExecutorCall(document, options)) return original(...args);
    const [node, ...fragments] = document.definitions as [OperationDefinitionNode, ...DefinitionNode[]];
    let bySchema = memos.get(schema);
    const memo = bySchema?.get(node);
    if (memo && sameNodes(memo.fragments, fragments)) return memo.operation;
    const operation = original(...args);
    if (!bySchema) memos.set(schema, (bySchema = new WeakMap()));
    bySchema.set(node, { fragments, operation });
    return operation;
  };
}

function isExecutorCall(document: DocumentNode, options: unknown): boolean {
  if (!options || typeof options !== 'object' || (options as { validate?: unknown }).validate !== false || Object.keys(options).length !== 1) return false;
  if (!document || typeof document !== 'object' || document.kind !== 'Document' || Object.keys(document).length !== 2) return false;
  const { definitions } = document;
  if (!Array.isArray(definitions) || definitions.length === 0 || definitions[0]?.kind !== 'OperationDefinition') return false;
  for (let i = 1; i < definitions.length; i++) if (definitions[i]?.kind !== 'FragmentDefinition') return false;
  return true;
}

function sameNodes(a: readonly DefinitionNode[], b: readonly DefinitionNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
