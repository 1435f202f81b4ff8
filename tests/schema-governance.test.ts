import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acknowledgedChanges,
  checkGovernance,
  checkRepository,
  PUBLIC_SCHEMA,
  usageReport,
  type ClientManifest,
  type GovernanceInput,
} from '../scripts/schema-governance.ts';

const root = resolve(import.meta.dirname, '..');

// A small public schema and one client, so each case says exactly what changed.
const v1 = `
type Query {
  products(first: Int, query: String): [Product!]!
  product(handle: String!): Product
}

type Product {
  id: ID!
  title: String!
  handle: String!
  vendor: String
}
`;
const web: ClientManifest = {
  client: 'web',
  operations: [
    { id: 'a1', name: 'ProductPage', type: 'query', body: 'query ProductPage($handle: String!) { product(handle: $handle) { id title } }' },
    { id: 'b2', name: 'ProductList', type: 'query', body: 'query ProductList($query: String) { products(first: 10, query: $query) { id handle } }' },
  ],
};
const edit = (sdl: string, from: string, to: string) => {
  expect(sdl).toContain(from);
  return sdl.replace(from, to);
};

/** A throw-away git repository, committing `schema/public.graphql` versions as CI's clone would hold them. */
const repos: string[] = [];
function repository(...versions: [message: string, sdl: string][]) {
  const dir = mkdtempSync(join(tmpdir(), 'schema-governance-'));
  repos.push(dir);
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8', stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  const commit = (message: string, sdl: string) => {
    mkdirSync(dirname(join(dir, PUBLIC_SCHEMA)), { recursive: true });
    writeFileSync(join(dir, PUBLIC_SCHEMA), sdl);
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  const remove = (message: string) => {
    git('rm', '-q', PUBLIC_SCHEMA);
    git('commit', '-q', '-m', message);
  };
  for (const [message, sdl] of versions) commit(message, sdl);
  return { dir, commit, remove };
}
afterEach(() => {
  for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The check as CI runs it: `current` composed now, committed history as given, the changelog's acknowledgements. */
function check(options: Partial<GovernanceInput> & { current: string }) {
  const dir = options.root ?? repository(['public schema', v1]).dir;
  return checkGovernance({ root: dir, manifests: [web], changelog: '', workingCopy: options.current, ...options });
}

describe('public schema governance', () => {
  it('passes a field added', async () => {
    const result = await check({ current: edit(v1, '  vendor: String\n', '  vendor: String\n  description: String\n') });
    expect(result.problems).toEqual([]);
    expect(result.changes).toMatchObject([{ level: 'NON_BREAKING', type: 'FIELD_ADDED', path: 'Product.description' }]);
  });

  it('fails when a field a client manifest uses is removed, acknowledged or not', async () => {
    const current = edit(v1, '  title: String!\n', '');
    for (const changelog of ['', '- BREAKING FIELD_REMOVED Product.title: use Product.handle']) {
      const { problems } = await check({ current, changelog });
      expect(problems.join('\n')).toContain('client web, query ProductPage: Cannot query field "title" on type "Product".');
      expect(problems.some((problem) => problem.includes('unacknowledged breaking change'))).toBe(changelog === '');
    }
  });

  it('fails when a field no client uses is removed, until the changelog acknowledges it', async () => {
    const current = edit(v1, '  vendor: String\n', '');
    const unacknowledged = await check({ current });
    expect(unacknowledged.problems).toHaveLength(1);
    expect(unacknowledged.problems[0]).toContain("Field 'vendor' was removed from object type 'Product'");
    expect(unacknowledged.problems[0]).toContain('- BREAKING FIELD_REMOVED Product.vendor: ');
    expect((await check({ current, changelog: '## Unreleased\n\n- BREAKING FIELD_REMOVED `Product.vendor`: nobody sells under a vendor name\n' })).problems).toEqual([]);
  });

  it('fails when an argument becomes required, unless acknowledged; and always when a client leaves it out', async () => {
    // web always passes `first` (10): acknowledged, the change passes.
    const firstRequired = edit(v1, 'products(first: Int,', 'products(first: Int!,');
    const unacknowledged = await check({ current: firstRequired });
    expect(unacknowledged.problems).toHaveLength(1);
    expect(unacknowledged.problems[0]).toContain("Type for argument 'first' on field 'Query.products' changed from 'Int' to 'Int!'");
    expect(unacknowledged.problems[0]).toContain('- BREAKING FIELD_ARGUMENT_TYPE_CHANGED Query.products.first');
    expect((await check({ current: firstRequired, changelog: '- BREAKING FIELD_ARGUMENT_TYPE_CHANGED Query.products.first: pages are bounded' })).problems).toEqual([]);

    // web passes `query` from a nullable variable: no acknowledgement makes that valid.
    const queryRequired = edit(v1, 'query: String)', 'query: String!)');
    const { problems } = await check({ current: queryRequired, changelog: '- BREAKING FIELD_ARGUMENT_TYPE_CHANGED Query.products.query: search only' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('client web, query ProductList: Variable "$query" of type "String" used in position expecting type "String!".');
  });

  it('finds a breaking change in any commit of the history, not only the last one, and in uncommitted work', async () => {
    const v2 = edit(v1, '  vendor: String\n', '');
    const v3 = edit(v2, '  handle: String!\n', '  handle: String!\n  description: String\n');
    const { dir, commit, remove } = repository(['public schema', v1], ['drop Product.vendor', v2], ['add Product.description', v3]);
    const result = await check({ root: dir, current: v3 });
    expect(result.comparisons).toBe(2);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^unacknowledged breaking change in commit [0-9a-f]{7,} \(drop Product\.vendor\): Field 'vendor' was removed/);
    expect((await check({ root: dir, current: v3, changelog: '- BREAKING FIELD_REMOVED Product.vendor: gone' })).problems).toEqual([]);

    // Re-added, then removed again: in the working tree (not committed yet), or only in the subgraphs (not composed yet).
    const v4 = edit(v3, '  title: String!\n', '  title: String!\n  vendor: String\n');
    commit('re-add Product.vendor', v4);
    const changelog = '- BREAKING FIELD_REMOVED Product.vendor: gone';
    expect((await check({ root: dir, current: v4, changelog })).problems).toEqual([]);
    const working = await check({ root: dir, current: v4, workingCopy: v3 });
    expect(working.problems).toHaveLength(2);
    expect(working.problems[1]).toContain("unacknowledged breaking change in the working tree's schema/public.graphql: Field 'vendor' was removed");
    const composed = await check({ root: dir, current: v3, workingCopy: v4 });
    expect(composed.problems).toHaveLength(2);
    expect(composed.problems[1]).toContain("unacknowledged breaking change in the subgraphs as composed now: Field 'vendor' was removed");

    // Deleting the file and committing it again does not start a new history.
    remove('no public schema for a while');
    commit('public schema again', v3);
    const readded = await check({ root: dir, current: v3 });
    expect(readded.problems).toHaveLength(2);
    expect(readded.problems[1]).toMatch(/in commit [0-9a-f]+ \(public schema again\): Field 'vendor' was removed/);
  });

  it('reads acknowledgements only from list items at the start of a line', () => {
    const changelog = [
      '- BREAKING FIELD_REMOVED Product.vendor: reason',
      '* BREAKING FIELD_ARGUMENT_TYPE_CHANGED `Query.products.first`',
      '    - BREAKING TYPE_REMOVED Example: an indented example',
      'Write `- BREAKING FIELD_REMOVED Type.field` lines.',
    ].join('\n');
    expect([...acknowledgedChanges(changelog)].sort()).toEqual(['FIELD_ARGUMENT_TYPE_CHANGED Query.products.first', 'FIELD_REMOVED Product.vendor']);
  });

  it('reports what each client uses and which fields none does', () => {
    const broken: ClientManifest = { client: 'pos', operations: [{ id: 'c3', name: 'Stale', type: 'query', body: '{ product(handle: "x") { sku } }' }] };
    const report = usageReport(v1, [broken, web]);
    expect(report).toContain('| web | 2 (2 queries) | 5 |');
    expect(report).toContain('| `Query` | `product(handle)`, `products(first, query)` |');
    expect(report).toContain('| `Product` | `handle`, `id`, `title` |');
    expect(report).toContain('- query Stale: Cannot query field "sku" on type "Product".');
    expect(report).toMatch(/## Fields no client uses\n\n1 of the 6 fields of object and interface types\.\n\n\| type \| fields \|\n\| --- \| --- \|\n\| `Product` \| `vendor` \|/);
  });
});

describe('this repository', () => {
  it('has a fresh schema/public.graphql and schema/usage.md, acknowledges every breaking change in its history, and breaks no client', async () => {
    const result = await checkRepository(root);
    expect(result.problems).toEqual([]);
  });

  it('publishes the API schema: no federation internals, nothing @inaccessible', () => {
    const sdl = readFileSync(join(root, PUBLIC_SCHEMA), 'utf8');
    const supergraph = readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8');
    expect(sdl).toMatch(/^type Query \{/m);
    for (const internal of ['join__', 'link__', '@link', '@inaccessible', '_entities', '_service', '_Any']) expect(sdl).not.toContain(internal);
    const hidden = [...supergraph.matchAll(/^ {2}(\w+)(?:\([^)]*\))?: [^\n]*@inaccessible/gm)].map((match) => match[1]!);
    expect(hidden.length).toBeGreaterThan(0);
    for (const field of hidden) expect(sdl, field).not.toMatch(new RegExp(`^  ${field}\\b`, 'm'));
  });
});
