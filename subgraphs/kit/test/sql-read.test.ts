import { DriverException } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createRequestContext, inBackground, sqlReadOf, type KeyRing, type LoaderScope, type ServiceClient } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { notes } from './fixture/fixture.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(notes, await createTestDatabase('kit_sql_read'), { events: false });
  await subgraph.sql(`create table sample (
    id uuid primary key, label text, at timestamptz(3), local_at timestamp, day date, doc jsonb, plain json,
    amount numeric(12, 4), big bigint, small int, ratio double precision, flag boolean, tags text[], ids uuid[]
  )`);
  await subgraph.sql(
    `insert into sample values
      ('00000000-0000-4000-8000-000000000001', 'it''s "quoted"', '2026-11-24 01:18:06.969+00', '2026-11-24 01:18:06',
       '2026-11-24', '{"a": [1, {"b": null}], "at": "2026-01-01T00:00:00.000Z"}', '[1, 2]', 1234.5678, 9007199254740993, 42,
       0.1, true, '{x,"y z"}', '{00000000-0000-4000-8000-0000000000aa}'),
      ('00000000-0000-4000-8000-000000000002', null, null, null, null, null, null, null, null, null, null, null, null, null)`,
  );
});
afterAll(() => subgraph?.close());

const IDS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];

describe('Database.read', () => {
  it('returns the rows em.execute returns, with the same value types', async () => {
    const columns = 'id, label, at, local_at, day, doc, plain, amount, big, small, ratio, flag, tags, ids, now() - at as age_kind';
    const viaOrm = await subgraph.db.fork().execute(`select ${columns} from sample where id in (?) order by id`, [IDS]);
    const viaRead = await subgraph.db.read(`select ${columns} from sample where id = any($1::uuid[]) order by id`, [IDS]);
    // `age` differs by the moment each ran; its type must not.
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ age_kind, ...row }) => ({ ...row, age_kind: typeof age_kind }));
    expect(strip(viaRead)).toStrictEqual(strip(viaOrm));
    expect(viaRead).toHaveLength(2);
    const [first] = viaRead;
    for (const column of Object.keys(first!)) {
      expect(Object.prototype.toString.call(first![column]), column).toBe(Object.prototype.toString.call(viaOrm[0]![column]));
    }
  });

  it('binds values as parameters: quotes and arrays arrive intact, nothing is spliced into the text', async () => {
    const tricky = `it's "quoted"`;
    const rows = await subgraph.db.read<{ id: string }>('select id from sample where label = $1 and $2::text[] @> tags', [tricky, ['x', 'y z', `'); drop table sample; --`]]);
    expect(rows.map((row) => row.id)).toEqual([IDS[0]]);
    expect(await subgraph.db.read('select 1 from sample')).toHaveLength(2);
  });

  it('counts each statement once, as em.execute does, and not in background work', async () => {
    subgraph.db.resetStatementCount();
    await subgraph.db.fork().execute('select 1');
    const viaOrm = subgraph.db.statementCount();
    subgraph.db.resetStatementCount();
    await subgraph.db.read('select $1::int as one', [1]);
    expect(subgraph.db.statementCount()).toBe(viaOrm);
    expect(viaOrm).toBe(1);
    await inBackground(() => subgraph.db.read('select 1'));
    expect(subgraph.db.statementCount()).toBe(1);
  });

  it('runs a text as a statement prepared once per connection, named by a digest of the text', async () => {
    const text = 'select id from sample where id = any($1::uuid[]) and $2::int > 0 order by id';
    const first = await subgraph.db.read<{ id: string }>(text, [IDS, 1]);
    const again = await subgraph.db.read<{ id: string }>(text, [[IDS[1]], 2]);
    expect(first.map((row) => row.id)).toEqual(IDS);
    expect(again.map((row) => row.id)).toEqual([IDS[1]]);
    // Reads in turn reuse the pool's last idle connection: this one prepared the text above.
    const prepared = await subgraph.db.read<{ name: string; statement: string }>('select name, statement from pg_prepared_statements');
    const mine = prepared.filter((row) => row.statement === text);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.name).toMatch(/^read_[0-9a-f]{40}$/);
  });

  it('throws the exception em.execute throws', async () => {
    const viaOrm = await subgraph.db.fork().execute('select * from table_that_does_not_exist').catch((error: unknown) => error);
    const viaRead = await subgraph.db.read('select * from table_that_does_not_exist').catch((error: unknown) => error);
    expect(viaRead).toBeInstanceOf(DriverException);
    expect((viaRead as Error).constructor).toBe((viaOrm as Error).constructor);
    expect((viaRead as { code?: string }).code).toBe('42P01');
  });
});

describe('the request context', () => {
  /** A context whose forks are counted, with loaders made by `createLoaders`. */
  function countingContext(createLoaders: (scope: LoaderScope) => unknown) {
    const counted = { forks: 0 };
    const ctx = createRequestContext({
      viewer: { role: 'service', customerId: null, service: 'kit_fixture' },
      log: createLogger('kit_fixture'),
      fork: () => {
        counted.forks++;
        return subgraph.db.fork();
      },
      read: subgraph.db.read,
      createLoaders,
      services: {} as ServiceClient,
      keys: {} as KeyRing,
    });
    return { ctx, counted };
  }

  it('forks its EntityManager on first use of `em` only, once', async () => {
    const { ctx, counted } = countingContext(({ read }) => ({ count: () => read('select count(*)::int as count from sample') }));
    expect(await (ctx.loaders as { count(): Promise<unknown> }).count()).toEqual([{ count: 2 }]);
    expect(await ctx.read('select count(*)::int as count from sample')).toEqual([{ count: 2 }]);
    expect(counted.forks).toBe(0);
    expect(ctx.em).toBe(ctx.em);
    expect(counted.forks).toBe(1);
    await ctx.transaction(async (tx) => void (await tx.read('select 1')));
    expect(counted.forks).toBe(1);
  });

  it('keeps `em` lazy in the copy of the context Apollo Server hands resolvers, sharing one fork', () => {
    const { ctx, counted } = countingContext(() => ({}));
    // What Apollo Server does to every request's context (ApolloServer.ts, cloneObject).
    const copy = Object.assign(Object.create(Object.getPrototypeOf(ctx)), ctx) as typeof ctx;
    expect(counted.forks).toBe(0);
    expect(copy.em).toBe(ctx.em);
    expect(counted.forks).toBe(1);
  });

  it('forks no EntityManager for a request over HTTP that never uses `em`, and one for a request that does', async () => {
    const db = subgraph.db as { fork: typeof subgraph.db.fork };
    const fork = db.fork;
    let forks = 0;
    db.fork = (...args) => {
      forks++;
      return fork.apply(subgraph.db, args);
    };
    try {
      expect((await subgraph.request('{ whoami }')).data).toEqual({ whoami: 'anonymous:-' });
      expect(forks).toBe(0);
      expect((await subgraph.request('{ ticks }')).data).toEqual({ ticks: 0 });
      expect(forks).toBe(1);
    } finally {
      db.fork = fork;
    }
  });

  it('still hands loaders that take `em` at creation an EntityManager, the request\'s own', () => {
    let taken: unknown;
    const { ctx, counted } = countingContext(({ em }) => (taken = em));
    expect(counted.forks).toBe(1);
    expect(taken).toBe(ctx.em);
  });

  it('reads inside a transaction on the transaction, seeing what it wrote', async () => {
    const ctx = subgraph.context();
    const id = crypto.randomUUID();
    const seen = await ctx.transaction(async (tx) => {
      await tx.em.execute('insert into note (id, text) values (?, ?)', [id, 'in flight']);
      const inside = await tx.read<{ text: string }>('select text from note where id = $1', [id]);
      const outside = await ctx.read('select text from note where id = $1', [id]);
      const throughEm = await sqlReadOf(tx.em)('select text from note where id = $1', [id]);
      return { inside, outside, throughEm };
    });
    expect(seen).toEqual({ inside: [{ text: 'in flight' }], outside: [], throughEm: [{ text: 'in flight' }] });
    await subgraph.sql('delete from note where id = ?', [id]);
  });
});
