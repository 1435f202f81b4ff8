import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { applyPermissions, readSchema } from '#kit';
import { subgraphs } from '../subgraphs/index.ts';

const services = subgraphs.map((s) => ({ name: s.name, url: `http://localhost:${s.port}/graphql`, typeDefs: parse(readSchema(s)) }));

describe('the supergraph', () => {
  it('declares who may run every Query and Mutation field of every subgraph', () => {
    for (const definition of subgraphs) {
      const schema = buildSubgraphSchema([{ typeDefs: parse(readSchema(definition)), resolvers: definition.resolvers as never }]);
      expect(() => applyPermissions(schema, definition.permissions), definition.name).not.toThrow();
    }
  });

  it('composes, and every shared element has one description (partners read one schema)', () => {
    const result = composeServices(services);
    expect(result.errors ?? []).toEqual([]);
    const inconsistent = (result.hints ?? []).filter((hint) => hint.definition.code.startsWith('INCONSISTENT'));
    expect(inconsistent.map((hint) => hint.message.split('\n')[0])).toEqual([]);
  });

  it('documents every type and field of the public API', () => {
    const result = composeServices(services);
    const schema = result.schema!.toAPISchema().toGraphQLJSSchema();
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID', 'Query', 'Mutation'].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('is the committed schema/supergraph.graphql', () => {
    const committed = readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');
    expect(buildSchema(committed, { assumeValidSDL: true })).toBeTruthy();
    expect(committed.trim()).toBe(composeServices(services).supergraphSdl!.trim());
  });
});
