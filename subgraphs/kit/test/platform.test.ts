import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueOf, type DomainEvent } from '#kit';
import { createTestDatabase, eventually, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { Note, NOTE_CREATED, notes } from './fixture/fixture.ts';

let subgraph: TestSubgraph;
const staff = { role: 'staff' as const, customerId: crypto.randomUUID() };

beforeAll(async () => {
  // The fixture calls itself, so a service call crosses real HTTP with a real signature.
  let url = '';
  subgraph = await startTestSubgraph(notes, await createTestDatabase('platform'), { serviceUrl: (name) => (name === 'kit_fixture' ? url : undefined) });
  url = subgraph.url;
});
afterAll(() => subgraph?.close());

describe('permissions', () => {
  it('refuses a mutation to callers the table does not name, with a user error and no write', async () => {
    const before = await subgraph.sql<{ n: number }>('select count(*)::int as n from note');
    for (const viewer of [undefined, { role: 'customer' as const, customerId: crypto.randomUUID() }]) {
      const result = await subgraph.request('mutation { noteCreate(text: "x") { note { id } userErrors { code field } } }', {}, viewer);
      expect(result.data!.noteCreate).toEqual({ note: null, userErrors: [{ code: viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED', field: null }] });
    }
    expect(await subgraph.sql('select count(*)::int as n from note')).toEqual(before);
  });

  it('refuses a service call from a subgraph the operation does not allow', async () => {
    // kit_fixture calling its own serviceOnly field is a service the field does not name (only orders).
    const result = await subgraph.request('{ relay(field: serviceOnly) }', {}, staff);
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const direct = await subgraph.request('{ serviceOnly }', {}, staff);
    expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('service calls', () => {
  it('carry the calling subgraph\'s own identity', async () => {
    expect((await subgraph.request('{ relay(field: whoami) }', {}, staff)).data).toEqual({ relay: 'service:kit_fixture' });
  });

  it('batch the ids one request asks an owner for into one _entities call', async () => {
    const ids = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((text) => createNote(text)));
    subgraph.db.resetStatementCount();
    const result = await subgraph.request('query ($ids: [ID!]!) { relayNotes(ids: $ids) }', { ids: [...ids, 'gid://commerce/Note/00000000-0000-0000-0000-000000000000'] }, staff);
    expect(result.data).toEqual({ relayNotes: ['a', 'b', 'c', 'd', 'e', null] });
    // One call, so one batched statement in the callee (a call per id would cost one each).
    expect(subgraph.db.statementCount()).toBe(1);
  });

  it('never relay another subgraph\'s error to the client: it is masked, message and code', async () => {
    for (const field of ['remoteClientError', 'boom']) {
      const result = await subgraph.request(`{ relay(field: ${field}) }`, {}, staff);
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.message).toBe('Unexpected error');
      expect(result.errors![0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(result)).not.toMatch(/remote detail|secret internal|BAD_USER_INPUT/);
    }
  });
});

async function createNote(text: string): Promise<string> {
  const result = await subgraph.request<{ noteCreate: { note: { id: string } } }>(
    'mutation ($text: String!) { noteCreate(text: $text) { note { id } userErrors { code } } }',
    { text },
    staff,
  );
  return result.data!.noteCreate.note.id;
}

describe('scheduled workers', () => {
  it('are scheduled when the subgraph starts, and run on their queue', async () => {
    const { boss } = subgraph.server.bus;
    expect((await boss.getSchedules('kit_fixture.worker.tick')).map((s) => s.cron)).toEqual(['* * * * *']);
    const ticks = async () => (await subgraph.request<{ ticks: number }>('{ ticks }')).data!.ticks;
    const before = await ticks();
    // Not a minute's wait for cron: the job cron would send, sent now.
    await boss.send('kit_fixture.worker.tick', {});
    expect(await eventually(ticks, (n) => n > before)).toBeGreaterThan(before);
  });
});

describe('durable events', () => {
  const create = async (text: string) => {
    const result = await subgraph.request<{ noteCreate: { note: { id: string } } }>(
      'mutation ($text: String!) { noteCreate(text: $text) { note { id } userErrors { code } } }',
      { text },
      staff,
    );
    return result.data!.noteCreate.note.id;
  };
  const seen = async (id: string) => (await subgraph.request<{ noteSeen: number }>('query ($id: ID!) { noteSeen(id: $id) }', { id })).data!.noteSeen;

  it('deliver an event emitted in a transaction to its subscriber, once', async () => {
    const id = await create('hello');
    expect(await eventually(() => seen(id), (n) => n > 0)).toBe(1);
  });

  it('apply the same event delivered twice only once', async () => {
    const id = await create('twice');
    await eventually(() => seen(id), (n) => n > 0);
    const [row] = await subgraph.sql<{ id: string; type: string; payload: { noteId: string }; request_id: string; created_at: Date }>(
      `select id, type, payload, request_id, created_at from kit_outbox where payload->>'noteId' = ?`,
      [id.split('/').at(-1)],
    );
    const event: DomainEvent = { id: row!.id, type: row!.type, producer: 'kit_fixture', occurredAt: new Date(row!.created_at).toISOString(), requestId: row!.request_id, payload: row!.payload };
    // Two more deliveries as new jobs (a republish after a crash, a redelivery after a timeout).
    const queue = queueOf('kit_fixture', NOTE_CREATED);
    const { boss } = subgraph.server.bus;
    const jobs = [await boss.send(queue, event), await boss.send(queue, event)];
    for (const job of jobs) expect((await eventually(() => boss.getJobById(queue, job!), (j) => j?.state === 'completed'))?.state).toBe('completed');
    expect(await seen(id)).toBe(1);
  });

  it('emit nothing when the transaction rolls back, and refuse to emit outside one', async () => {
    const ctx = subgraph.context(staff);
    const before = await subgraph.sql<{ n: number }>('select count(*)::int as n from kit_outbox');
    await expect(
      ctx.transaction(async (tx) => {
        tx.em.create(Note, { id: crypto.randomUUID(), text: 'rolled back' });
        await tx.em.flush();
        await tx.emit(NOTE_CREATED, { noteId: crypto.randomUUID() });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await subgraph.sql('select count(*)::int as n from kit_outbox')).toEqual(before);
    await expect(ctx.emit(NOTE_CREATED, {})).rejects.toThrow(/outside a transaction/);
  });
});
