import type { GraphQLFieldResolver, GraphQLOutputType, GraphQLSchema } from 'graphql';
import { ClientError } from './errors.ts';
import type { Viewer } from './identity.ts';

/**
 * Who may run an operation, declared once per root field in the subgraph's definition and checked in
 * one place before the resolver runs. Services (other subgraphs) are allowed only where named.
 */
export interface Permission {
  readonly describe: string;
  allows(viewer: Viewer): boolean;
}

const rule = (describe: string, allows: (viewer: Viewer) => boolean): Permission => ({ describe, allows });

export const allow = {
  /** Everyone: shoppers, customers, staff and any subgraph (public catalog reads, entity resolution). */
  anyone: rule('anyone', () => true),
  /** People through the gateway, signed in or not; not services. */
  people: rule('people', (v) => v.role !== 'service'),
  /** A signed-in customer or staff member; the service then checks what they own. */
  signedIn: rule('signed-in', (v) => (v.role === 'customer' || v.role === 'staff') && v.customerId !== null),
  staff: rule('staff', (v) => v.role === 'staff'),
  /** Named subgraphs calling with their own key. */
  services: (...names: string[]) => rule(`services(${names.join(', ')})`, (v) => v.role === 'service' && names.includes(v.service ?? '')),
  /** Any of the given rules. */
  anyOf: (...rules: Permission[]) => rule(rules.map((r) => r.describe).join(' | '), (v) => rules.some((r) => r.allows(v))),
};

/** Root operation → permission, per root type; every Query and Mutation field must appear. */
export type PermissionTable = Partial<Record<'Query' | 'Mutation', Record<string, Permission>>>;

/**
 * Wraps each root field's resolver in the built schema with its declared permission, and refuses to
 * build a subgraph with an operation nobody declared. A refused mutation whose payload has `userErrors`
 * answers with a FORBIDDEN (or UNAUTHENTICATED) user error and writes nothing; any other refused field
 * is a GraphQL error with that code.
 */
export function applyPermissions(schema: GraphQLSchema, table: PermissionTable): void {
  for (const rootName of ['Query', 'Mutation'] as const) {
    const root = rootName === 'Query' ? schema.getQueryType() : schema.getMutationType();
    const declared = table[rootName] ?? {};
    for (const name of Object.keys(declared)) {
      if (!root?.getFields()[name]) throw new Error(`Permission declared for ${rootName}.${name}, which the schema does not have.`);
    }
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (field.name.startsWith('_')) continue; // federation's _entities and _service: authorised per entity
      const permission = declared[field.name];
      if (!permission) throw new Error(`${rootName}.${field.name} has no permission declared in the subgraph definition.`);
      const resolve: GraphQLFieldResolver<unknown, { viewer: Viewer }> = field.resolve ?? ((parent: any) => parent?.[field.name]);
      const answersWithUserErrors = hasUserErrors(field.type);
      field.resolve = (parent, args, ctx, info) => {
        if (permission.allows(ctx.viewer)) return resolve(parent, args, ctx, info);
        const refusal = refusalFor(ctx.viewer);
        if (answersWithUserErrors) return { userErrors: [{ code: refusal.code, message: refusal.message, field: null }] };
        throw new ClientError(refusal.code, refusal.message);
      };
    }
  }
}

// Structural, not instanceof: Apollo's CommonJS graphql and this module's ESM graphql are two realms.
function hasUserErrors(type: GraphQLOutputType): boolean {
  let named: any = type;
  while (named && 'ofType' in named) named = named.ofType;
  return typeof named?.getFields === 'function' && 'userErrors' in named.getFields();
}

function refusalFor(viewer: Viewer): { code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string } {
  return viewer.role === 'anonymous'
    ? { code: 'UNAUTHENTICATED', message: 'You must be signed in to do this.' }
    : { code: 'FORBIDDEN', message: 'You are not allowed to do this.' };
}
