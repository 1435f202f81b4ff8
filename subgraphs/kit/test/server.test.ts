import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentitySigner, IDENTITY_HEADER, toGlobalId } from '#kit';
import { createTestDatabase, postGraphQL, startTestSubgraph, testKeyRing, untrustedKeyRing, type TestSubgraph } from '#kit/testing/index.ts';
import { Note, notes } from './fixture/fixture.ts';

let subgraph: TestSubgraph;
let noteIds: string[];

beforeAll(async () => {
  subgraph = await startTestSubgraph(notes, await createTestDatabase('kit'));
  const em = subgraph.db.fork();
  const created = ['first', 'second', 'third'].map((text) => em.create(Note, { id: crypto.randomUUID(), text }));
  await em.flush();
  noteIds = created.map((note) => toGlobalId('Note', note.id));
});
afterAll(() => subgraph?.close());

const base = () => subgraph.url.replace(/\/graphql$/, '');

describe('subgraph server', () => {
  it('answers liveness and, with the database up, readiness', async () => {
    expect((await fetch(`${base()}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base()}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });
  });

  it('refuses a request with no gateway signature', async () => {
    const result = await postGraphQL(subgraph.url, '{ whoami }');
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an identity signed with a key it does not trust, or addressed to another subgraph', async () => {
    const viewer = { role: 'staff' as const, customerId: crypto.randomUUID() };
    const forged = await createIdentitySigner(untrustedKeyRing('gateway'))(viewer, 'kit_fixture');
    const elsewhere = await createIdentitySigner(testKeyRing('gateway'))(viewer, 'inventory');
    for (const header of [forged, elsewhere]) {
      const result = await postGraphQL(subgraph.url, '{ whoami }', {}, { [IDENTITY_HEADER]: header });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('passes the signed viewer to resolvers', async () => {
    const customerId = crypto.randomUUID();
    const result = await subgraph.request('{ whoami }', {}, { role: 'customer', customerId });
    expect(result.data).toEqual({ whoami: `customer:${customerId}` });
  });

  it('masks unexpected errors: no message, stack or SQL reaches the client', async () => {
    for (const field of ['boom', 'sqlError']) {
      const result = await subgraph.request(`{ ${field} }`);
      expect(result.status).toBe(200);
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.message).toBe('Unexpected error');
      expect(result.errors![0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(result)).not.toMatch(/secret internal|table_that_does_not_exist|select|stack/i);
    }
  });

  it('passes client errors with their code and field', async () => {
    const result = await subgraph.request('{ invalid(first: -1) }');
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['first'] });
    const badId = await subgraph.request('{ note(id: "not-an-id") { text } }');
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs unqualified SQL in the subgraph\'s own schema', async () => {
    const rows = await subgraph.sql('select count(*)::int as count from note');
    expect(rows[0]?.count).toBe(3);
  });

  it('batches entity references into one statement however many are asked for', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Note { text } } }`;
    const count = async (ids: string[]) => {
      subgraph.db.resetStatementCount();
      const result = await subgraph.request(query, { reps: ids.map((id) => ({ __typename: 'Note', id })) });
      expect(result.errors).toBeUndefined();
      return subgraph.db.statementCount();
    };
    expect(await count(noteIds.slice(0, 1))).toBe(await count(noteIds));
    expect(await count(noteIds)).toBe(1);
  });
});
