import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIntrospectionAllowed } from '../src/hardening/index.ts';
import { introspectionGate } from '../src/hardening/operation-limits.ts';
import { post, startHardeningRig, type HardeningRig } from './hardening-support.ts';

/**
 * The gateway's hardening over real HTTP, in front of the kit's fixture subgraph (through a proxy that
 * counts what reaches it): introspection is refused in production (but to partners) before any subgraph
 * call, and errors carry nothing internal.
 * Operation limits, the HTTP layer, subgraph fetches: hardening-limits-http-fetches.test.ts. Rate limits: hardening-rate-limit.test.ts.
 */
let rig: HardeningRig;
let prod: string;
let dev: string;

const withoutSubgraphCalls = <T>(act: () => Promise<T>) => rig.withoutSubgraphCalls(act);

beforeAll(async () => {
  rig = await startHardeningRig();
  prod = await rig.startGateway(() => rig.proxy.url, { hardening: { production: true } });
  dev = await rig.startGateway(() => rig.proxy.url, { hardening: { production: false } });
});
afterAll(async () => {
  await rig?.close();
});

describe('introspection', () => {
  const SCHEMA = '{ __schema { queryType { name } } }';
  const TYPE = '{ __type(name: "Query") { name } }';
  const IN_FRAGMENT = 'query { ...Peek } fragment Peek on Query { __schema { types { name } } }';

  it('is refused in production (without a partner key), before any subgraph call; __typename is not introspection', async () => {
    for (const query of [SCHEMA, TYPE, IN_FRAGMENT]) {
      const answer = await withoutSubgraphCalls(() => post(prod, query));
      expect(answer.status, query).toBe(400);
      expect(answer.body.data, query).toBeUndefined();
      expect(answer.body.errors, query).toEqual([{ message: expect.stringMatching(/^Introspection is not allowed/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    }
    expect((await post(prod, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('is open outside production', async () => {
    expect((await post(dev, SCHEMA)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect((await post(dev, TYPE)).body).toEqual({ data: { __type: { name: 'Query' } } });
  });

  it('is allowed to partners in production, per request: a document a partner ran stays refused to others', async () => {
    expect(isIntrospectionAllowed({ viewer: { role: 'partner' } }, true)).toBe(true);
    expect(isIntrospectionAllowed({ viewer: { role: 'staff' } }, true)).toBe(false);
    expect(isIntrospectionAllowed({ viewer: { role: 'anonymous' } }, false)).toBe(true);
    // Apollo caches validated documents: the gate must not be a validation rule.
    const server = new ApolloServer<{ viewer: { role: string } }>({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'hi' } },
      introspection: true,
      plugins: [introspectionGate({ production: true })],
    });
    await server.start();
    try {
      const run = async (role: string) => {
        const response = await server.executeOperation({ query: SCHEMA }, { contextValue: { viewer: { role } } });
        return response.body.kind === 'single' ? response.body.singleResult : undefined;
      };
      expect((await run('partner'))?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const anonymous = await run('anonymous');
      expect(anonymous?.data).toBeUndefined();
      expect(anonymous?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await run('partner'))?.errors).toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});

describe('errors', () => {
  it('hides "Did you mean" suggestions in production, and only there', async () => {
    const production = await withoutSubgraphCalls(() => post(prod, '{ whoam }'));
    expect(production.body.errors).toEqual([{ message: 'Cannot query field "whoam" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    const development = await post(dev, '{ whoam }');
    expect(development.body.errors![0]!.message).toMatch(/Did you mean "whoami"/);
  });

  it('never carries serviceName, a stack, SQL or a subgraph\'s internal message; client errors keep code, field and message', async () => {
    const relayed = await post(prod, '{ invalid(first: 1000) }');
    expect(relayed.body.errors).toHaveLength(1);
    const error = relayed.body.errors![0]!;
    expect(Object.keys(error.extensions!).sort()).toEqual(['code', 'field']);
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.message).not.toBe('Unexpected error');
    for (const query of ['{ boom }', '{ sqlError }', '{ relay(field: remoteClientError) }', '{ relay(field: boom) }']) {
      const answer = await post(prod, query);
      expect(answer.body.errors, query).toHaveLength(1);
      const { message, extensions, path: _path, locations: _locations, ...rest } = answer.body.errors![0]! as Record<string, unknown>;
      expect({ message, extensions, rest }, query).toEqual({ message: 'Unexpected error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, rest: {} });
    }
    for (const query of ['{ invalid(first: 1000) }', '{ boom }', '{ sqlError }', '{ relay(field: remoteClientError) }', '{ nope }', '{ whoami(x: 1) }']) {
      for (const url of [prod, dev]) {
        const { text } = await post(url, query);
        for (const leak of ['serviceName', 'kit_fixture', 'stacktrace', 'exception', 'secret internal', 'table_that_does_not_exist', 'select ', '    at ']) {
          expect(text, `${query}: ${leak}`).not.toContain(leak);
        }
      }
    }
  });
});
