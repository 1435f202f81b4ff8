import { diff } from '@graphql-inspector/core';
import { graphql } from './graphql.ts';

const { buildSchema } = graphql;

export type ChangeLevel = 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';

export interface SchemaChange {
  level: ChangeLevel;
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`, `FIELD_ARGUMENT_TYPE_CHANGED`. */
  type: string;
  /** The schema coordinate, e.g. `Product.title`, `Query.products.query` (an argument). */
  path: string;
  message: string;
}

/** graphql-inspector's diff of two versions of an SDL. */
export async function schemaChanges(before: string, after: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(before), buildSchema(after));
  return changes.map((change) => ({
    level: `${change.criticality.level}` as ChangeLevel,
    type: String(change.type),
    path: change.path ?? '',
    message: change.message,
  }));
}

/** How a breaking change is named in the changelog: `FIELD_REMOVED Product.title`. */
export const changeKey = (change: Pick<SchemaChange, 'type' | 'path'>) => `${change.type} ${change.path}`;

/** The line that acknowledges a breaking change in `schema/CHANGELOG.md` (the reason is free text). */
export const acknowledgementLine = (change: Pick<SchemaChange, 'type' | 'path'>) => `- BREAKING ${changeKey(change)}: <why, and what clients use instead>`;

/**
 * The breaking changes a changelog acknowledges: each a list item at the start of a line,
 * `- BREAKING <TYPE> <coordinate>` (backticks around the coordinate allowed), anything after a colon free.
 */
export function acknowledgedChanges(changelog: string): Set<string> {
  const keys = new Set<string>();
  for (const match of changelog.matchAll(/^[-*] BREAKING ([A-Z_]+) `?([^\s`:]+)`?/gm)) keys.add(`${match[1]} ${match[2]}`);
  return keys;
}
