/**
 * The explorer against the whole system: /schema.graphql from the loaded supergraph, and GraphiQL in a
 * real headless Chromium (Debian's, driven by playwright-core), loading nothing from anywhere but the
 * gateway's origin. The browser part is skipped, saying why, where no Chromium can be had.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAccessToken } from '#kit';
import { testKeyRing } from '#kit/testing/index.ts';
import { CHROMIUM_ARGS, findOrInstallChromium } from './support/chromium.ts';
import { startTestSupergraph, type TestSupergraph } from './support/supergraph.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../test-artifacts');
const PRODUCTS = '{ products(first: 3) { nodes { title handle } } }';

const browserLookup = await findOrInstallChromium();
if ('reason' in browserLookup) process.stdout.write(`explorer browser test skipped: ${browserLookup.reason}\n`);

let supergraph: TestSupergraph;
let origin: string;

beforeAll(async () => {
  supergraph = await startTestSupergraph({ seed: 'small' });
  origin = new URL(supergraph.url).origin;
});
afterAll(async () => {
  await supergraph?.close();
});

describe('the public schema', () => {
  it('is the API schema as SDL: no federation internals, nothing @inaccessible', async () => {
    const response = await fetch(`${origin}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const sdl = await response.text();
    expect(sdl).toMatch(/^type Query \{/m);
    expect(sdl).toMatch(/^type Mutation \{/m);
    expect(sdl).toContain('products(');
    for (const internal of ['join__', 'link__', '@link', '@inaccessible', '@join', '_entities', '_service', '_Any', 'inaccessible']) {
      expect(sdl, internal).not.toContain(internal);
    }
    // Fields and types the supergraph marks @inaccessible.
    for (const hidden of ['shippingWeightGrams', 'InventoryCommitPayload', 'inventoryCommit']) expect(sdl, hidden).not.toContain(hidden);
  });
});

describe('the explorer over HTTP', () => {
  it('references only assets of its own origin', { timeout: 120_000 }, async () => {
    const response = await fetch(`${origin}/explorer`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
    expect(urls.some((url) => url.endsWith('.js'))).toBe(true);
    expect(urls.some((url) => url.endsWith('.css'))).toBe(true);
    for (const url of urls) {
      expect(url).toMatch(/^(\/(?!\/)|data:)/);
      if (url.startsWith('/')) expect((await fetch(`${origin}${url}`)).status, url).toBe(200);
    }
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('is where a browser opening /graphql lands, outside production', async () => {
    const response = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html,*/*;q=0.8' }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/explorer');
  });
});

describe.skipIf(!browserLookup.path)('the explorer in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: browserLookup.path!, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Anything bound elsewhere is recorded (the test fails on it) and never sent.
    await context.route('**/*', (route) => (isSameOrigin(route.request().url()) ? route.continue() : route.abort()));
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const isSameOrigin = (url: string) => url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');

  it('loads from the origin alone, shows the docs, and runs a query with the partner key', { timeout: 120_000 }, async () => {
    // A browser opening the endpoint is sent on to the explorer (development).
    await page.goto(`${origin}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/explorer');
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 60_000 });

    // The docs of the public schema, open beside the editor.
    const docs = page.locator('.graphiql-doc-explorer');
    if (!(await docs.isVisible())) await page.getByRole('button', { name: /documentation explorer/i }).click();
    await expect.poll(() => docs.innerText(), { timeout: 30_000 }).toMatch(/\bQuery\b/);

    // A partner's key (staff create it), then a query typed into the editor and run.
    const key = await createPartnerKey();
    await page.locator('#explorer-api-key').fill(key);
    await page.locator('.graphiql-query-editor .monaco-editor').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(PRODUCTS);
    expect(await editorText(page, '.graphiql-query-editor')).toBe(PRODUCTS);
    // GraphiQL takes the tab's operation name from the editor a moment after typing; run before that and it
    // sends the example tab's name (e.g. "Account") with this anonymous query, which the gateway refuses.
    await expect.poll(() => page.locator('[role="tab"][aria-selected="true"]').first().innerText(), { timeout: 30_000 }).toContain('<untitled>');
    const sent = page.waitForRequest((request) => request.url() === `${origin}/graphql` && request.method() === 'POST' && (request.postData() ?? '').includes('products'));
    await page.locator('.graphiql-execute-button').click();
    const request = await sent;
    expect(request.headers()['x-api-key']).toBe(key);
    expect(JSON.parse(request.postData()!).query).toBe(PRODUCTS);

    const expected = await supergraph.request<{ products: { nodes: { title: string }[] } }>(PRODUCTS);
    expect(expected.data!.products.nodes.length).toBeGreaterThan(0);
    await expect.poll(async () => editorText(page, '.graphiql-response'), { timeout: 30_000 }).toContain(expected.data!.products.nodes[0]!.title);
    const shown = JSON.parse(await editorText(page, '.graphiql-response'));
    expect(shown).toEqual({ data: expected.data });

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'explorer.png') });

    // Nothing left the origin: every request, the page's and its workers', went to the gateway.
    const foreign = requests.filter((url) => !isSameOrigin(url));
    expect(foreign).toEqual([]);
    expect(requests).toContain(`${origin}/schema.graphql`);
    expect(requests.some((url) => url.includes('.worker.js'))).toBe(true);
    expect(problems.filter((problem) => /Refused|Content Security Policy|Failed to load/i.test(problem))).toEqual([]);
  });
});

/** A partner API key's secret, created by staff as in production (`partnerApiKeyCreate`). */
async function createPartnerKey(): Promise<string> {
  const staff = await issueAccessToken({ customerId: crypto.randomUUID(), role: 'staff' }, testKeyRing('customers'));
  const created = await supergraph.request<{ partnerApiKeyCreate: { secret: string | null; userErrors: unknown[] } }>(
    'mutation ($input: PartnerApiKeyCreateInput!) { partnerApiKeyCreate(input: $input) { secret userErrors { code } } }',
    { input: { name: 'explorer test' } },
    staff.accessToken,
  );
  expect(created.errors).toBeUndefined();
  expect(created.data!.partnerApiKeyCreate.userErrors).toEqual([]);
  return created.data!.partnerApiKeyCreate.secret!;
}

/** The text of the Monaco editor inside `container` (Monaco renders only the visible lines into the DOM). */
async function editorText(page: Page, container: string): Promise<string> {
  return page.evaluate((selector) => {
    const monaco = (globalThis as any).__MONACO;
    const editor = monaco?.editor.getEditors().find((candidate: any) => candidate.getContainerDomNode().closest(selector));
    return editor ? (editor.getValue() as string) : '';
  }, container);
}
