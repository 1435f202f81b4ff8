import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, serviceViewer, type Viewer } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { customers } from '../src/subgraph.ts';
import { insertCustomer } from './helpers.ts';

const CREATE = `mutation ($input: PartnerApiKeyCreateInput!) {
  partnerApiKeyCreate(input: $input) { apiKey { id name createdAt revokedAt lastUsedAt } secret userErrors { field message code } }
}`;
const REVOKE = `mutation ($id: ID!) {
  partnerApiKeyRevoke(id: $id) { apiKey { id name createdAt revokedAt lastUsedAt } userErrors { field message code } }
}`;
const LIST = `query ($first: Int, $after: String) {
  partnerApiKeys(first: $first, after: $after) {
    edges { cursor node { id name revokedAt } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const BY_SECRET = `query ($secret: String!) { partnerByApiKey(secret: $secret) { id name } }`;

let subgraph: TestSubgraph;
let staff: Viewer;
let customer: Viewer;

beforeAll(async () => {
  subgraph = await startTestSubgraph(customers, await createTestDatabase('customers_partner_keys'));
  staff = (await insertCustomer(subgraph, { role: 'staff' })).viewer;
  customer = (await insertCustomer(subgraph)).viewer;
});
afterAll(() => subgraph?.close());

async function create(name: string, viewer: Viewer = staff) {
  const result = await subgraph.request(CREATE, { input: { name } }, viewer);
  expect(result.errors).toBeUndefined();
  return result.data!.partnerApiKeyCreate;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const rowOf = async (id: string) => (await subgraph.sql('select * from customers.partner_api_key where id = ?', [id.split('/').at(-1)]))[0]!;

describe('partner API keys', () => {
  it('creates a key for staff: the secret is shown once, and only its SHA-256 is stored', async () => {
    const created = await create('  Acme Feeds  ');
    expect(created.userErrors).toEqual([]);
    expect(created.apiKey).toEqual({
      id: expect.stringMatching(/^gid:\/\/commerce\/PartnerApiKey\/[0-9a-f-]{36}$/),
      name: 'Acme Feeds',
      createdAt: expect.any(String),
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(created.secret).toMatch(/^sgc_[A-Za-z0-9_-]{43}$/);

    const row = await rowOf(created.apiKey.id);
    expect(row.secret_hash).toBe(sha256(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(4));
    expect(row.created_by).toBe(staff.customerId);

    // Never shown again: the key's type has no secret, and listing shows none.
    const listed = await subgraph.request(LIST, { first: 100 }, staff);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(4));
    expect((await subgraph.request(`{ partnerApiKeys { nodes { secret } } }`, {}, staff)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // Two keys never share a secret.
    const other = await create('Acme Feeds');
    expect(other.secret).not.toBe(created.secret);
  });

  it('refuses blank, long and control-character names, writing nothing', async () => {
    const before = await subgraph.sql('select count(*) from customers.partner_api_key');
    const cases: [string, string][] = [
      ['', 'BLANK'],
      ['   ', 'BLANK'],
      ['x'.repeat(101), 'TOO_LONG'],
      ['Acme\u0000Feeds', 'INVALID'],
      ['Acme\nFeeds', 'INVALID'],
    ];
    for (const [name, code] of cases) {
      const result = await create(name);
      expect(result, code).toMatchObject({ apiKey: null, secret: null });
      expect(result.userErrors).toEqual([{ field: ['input', 'name'], code, message: expect.any(String) }]);
    }
    expect((await create('x'.repeat(100))).userErrors).toEqual([]);
    expect(Number((await subgraph.sql<{ count: string }>('select count(*) from customers.partner_api_key'))[0]!.count)).toBe(
      Number((before[0] as { count: string }).count) + 1,
    );
  });

  it('is for staff only: customers are FORBIDDEN, anonymous callers UNAUTHENTICATED, and nothing is written', async () => {
    const before = await subgraph.sql('select count(*) from customers.partner_api_key');
    const { apiKey } = await create('Refusals');
    for (const [viewer, code] of [[customer, 'FORBIDDEN'], [ANONYMOUS, 'UNAUTHENTICATED'], [serviceViewer('orders'), 'FORBIDDEN']] as const) {
      const created = await create('Not allowed', viewer);
      expect(created).toEqual({ apiKey: null, secret: null, userErrors: [{ field: null, code, message: expect.any(String) }] });
      const revoked = (await subgraph.request(REVOKE, { id: apiKey.id }, viewer)).data!.partnerApiKeyRevoke;
      expect(revoked).toEqual({ apiKey: null, userErrors: [{ field: null, code, message: expect.any(String) }] });
      const listed = await subgraph.request(LIST, {}, viewer);
      expect(listed.data).toBeNull();
      expect(listed.errors?.[0]?.extensions?.code).toBe(code);
    }
    const after = await subgraph.sql('select count(*) from customers.partner_api_key');
    expect(Number((after[0] as { count: string }).count)).toBe(Number((before[0] as { count: string }).count) + 1);
    expect((await rowOf(apiKey.id)).revoked_at).toBeNull();
  });

  it('revokes a key once: revoking again changes nothing; unknown and malformed ids are NOT_FOUND', async () => {
    const { apiKey } = await create('Revoked Inc');
    const first = (await subgraph.request(REVOKE, { id: apiKey.id }, staff)).data!.partnerApiKeyRevoke;
    expect(first.userErrors).toEqual([]);
    expect(first.apiKey).toMatchObject({ id: apiKey.id, name: 'Revoked Inc', revokedAt: expect.any(String) });
    expect(new Date(first.apiKey.revokedAt).getTime()).toBeGreaterThanOrEqual(new Date(apiKey.createdAt).getTime());
    const again = (await subgraph.request(REVOKE, { id: apiKey.id }, staff)).data!.partnerApiKeyRevoke;
    expect(again).toEqual({ apiKey: first.apiKey, userErrors: [] });
    for (const id of [`gid://commerce/PartnerApiKey/${crypto.randomUUID()}`, 'nonsense', `gid://commerce/Customer/${staff.customerId}`]) {
      const missing = (await subgraph.request(REVOKE, { id }, staff)).data!.partnerApiKeyRevoke;
      expect(missing).toEqual({ apiKey: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }] });
    }
  });

  it('lists keys newest first in stable pages, revoked ones included', async () => {
    const names = ['Page A', 'Page B', 'Page C'];
    const made = [];
    for (const name of names) made.push((await create(name)).apiKey);
    await subgraph.request(REVOKE, { id: made[1]!.id }, staff);
    const first = (await subgraph.request(LIST, { first: 2 }, staff)).data!.partnerApiKeys;
    expect(first.nodes.map((node: { id: string }) => node.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect(first.edges[1].node.revokedAt).not.toBeNull();
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = (await subgraph.request(LIST, { first: 1, after: first.pageInfo.endCursor }, staff)).data!.partnerApiKeys;
    expect(next.nodes.map((node: { id: string }) => node.id)).toEqual([made[0]!.id]);
    expect(next.pageInfo.hasPreviousPage).toBe(true);

    const all = (await subgraph.request(LIST, { first: 100 }, staff)).data!.partnerApiKeys.nodes;
    const times = await subgraph.sql<{ id: string; created_at: Date }>('select id, created_at from customers.partner_api_key order by created_at desc, id desc');
    expect(all.map((node: { id: string }) => node.id.split('/').at(-1))).toEqual(times.map((row) => row.id));

    const badFirst = await subgraph.request(LIST, { first: 101 }, staff);
    expect(badFirst.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await subgraph.request(LIST, { after: '!!' }, staff);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('tells the gateway (an anonymous identity it signed) whose a secret is; null when unknown, revoked or malformed', async () => {
    const { apiKey, secret } = await create('Lookup Ltd');
    const found = await subgraph.request(BY_SECRET, { secret });
    expect(found.data!.partnerByApiKey).toEqual({ id: apiKey.id, name: 'Lookup Ltd' });
    // The use is recorded, at most once a minute.
    const used = await rowOf(apiKey.id);
    expect(used.last_used_at).not.toBeNull();
    await subgraph.request(BY_SECRET, { secret });
    expect((await rowOf(apiKey.id)).last_used_at).toEqual(used.last_used_at);

    const unknown = `sgc_${'A'.repeat(43)}`;
    for (const wrong of [unknown, '', 'garbage', secret.toUpperCase(), `${secret}x`, secret.slice(4)]) {
      const result = await subgraph.request(BY_SECRET, { secret: wrong });
      expect(result.errors).toBeUndefined();
      expect(result.data!.partnerByApiKey).toBeNull();
    }
    await subgraph.request(REVOKE, { id: apiKey.id }, staff);
    expect((await subgraph.request(BY_SECRET, { secret })).data!.partnerByApiKey).toBeNull();
  });

  it('answers partnerByApiKey to no one but the gateway itself: staff, customers and services are refused', async () => {
    const { secret } = await create('Only the gateway');
    for (const viewer of [staff, customer, serviceViewer('orders')]) {
      const result = await subgraph.request(BY_SECRET, { secret }, viewer);
      expect(result.data?.partnerByApiKey ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('keeps secret hashes unique and well-formed, and names trimmed, in the database itself', async () => {
    const { apiKey } = await create('Constraints');
    const row = await rowOf(apiKey.id);
    const insert = (hash: string, name: string) =>
      subgraph.sql('insert into customers.partner_api_key (id, name, secret_hash) values (?, ?, ?)', [crypto.randomUUID(), name, hash]);
    await expect(insert(row.secret_hash, 'Duplicate')).rejects.toThrow(/partner_api_key_secret_hash_unique/);
    await expect(insert('not-a-hash', 'Bad hash')).rejects.toThrow(/partner_api_key_secret_hash_format/);
    await expect(insert(sha256('a'), ' padded ')).rejects.toThrow(/partner_api_key_name_format/);
    await expect(insert(sha256('b'), '')).rejects.toThrow(/partner_api_key_name_format/);
  });
});
