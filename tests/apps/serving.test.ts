/**
 * How the production gateway serves the apps, over plain HTTP: pages revalidated, hashed assets cached for
 * a year and sent precompressed, page paths answered with the app's index.html, the payments tag in it,
 * and the offline card confirmation taking a checkout all the way to PAID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkout, createCart, minor, uuidOf } from '../support/commerce.ts';
import { startAppStack, type AppStack } from '../support/apps.ts';

let stack: AppStack;
beforeAll(async () => {
  stack = await startAppStack();
});
afterAll(() => stack?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.url}${path}`, { headers, redirect: 'manual' });

describe('the storefront and POS builds', () => {
  it('serve index.html for every page path, revalidated, with the page CSP and the payments tag', async () => {
    for (const path of ['/', '/products/some-handle', '/account/orders']) {
      const response = await get(path, { accept: 'text/html' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain('<meta name="sgc-payments" content="{&quot;mode&quot;:&quot;local&quot;}" />');
    }
    expect((await get('/pos')).status).toBe(301);
    expect((await get('/pos')).headers.get('location')).toBe('/pos/');
    const pos = await get('/pos/sale');
    expect(pos.status).toBe(200);
    expect(await pos.text()).toMatch(/src="\/pos\/assets\/[\w-]+\.js"/);
  });

  it('cache hashed assets for a year, send the brotli copy, and answer If-None-Match with 304', async () => {
    const html = await (await get('/')).text();
    const script = /src="(\/assets\/[\w-]+\.js)"/.exec(html)![1]!;
    const plain = await get(script);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const body = await plain.arrayBuffer();
    // fetch decodes what it asked for: ask explicitly and compare sizes on the wire.
    const brotli = await get(script, { 'accept-encoding': 'br' });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(Number(brotli.headers.get('content-length'))).toBeLessThan(body.byteLength);
    expect((await get(script, { 'if-none-match': plain.headers.get('etag')! })).status).toBe(304);
  });

  it('answer 404 for a missing file and leave the API and the explorer alone', async () => {
    expect((await get('/assets/missing-abc123.js')).status).toBe(404);
    expect((await get('/pos/assets/missing.css')).status).toBe(404);
    expect((await get('/health/ready')).status).toBe(200);
    const graphql = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(((await graphql.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
  });
});

describe('the offline card confirmation', () => {
  it('refuses what is not a test card or a payment, and confirms a test card: the order is PAID', async () => {
    const c = stack.commerce;
    const variant = c.variants[0]!;
    const cartId = await createCart(c, [{ merchandiseId: variant.id, quantity: 1 }]);
    const answer = await checkout(c, cartId, `key-${cartId}`);
    expect(answer.userErrors).toEqual([]);
    const confirm = (body: Record<string, string>) =>
      fetch(`${stack.url}/payments/local/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const good = { clientSecret: answer.paymentIntentClientSecret!, cardNumber: '4242 4242 4242 4242', expiry: '12/39', cvc: '123' };

    for (const [field, bad] of [
      ['cardNumber', { ...good, cardNumber: '4111 1111 1111 1111' }],
      ['expiry', { ...good, expiry: '01/20' }],
      ['cvc', { ...good, cvc: '1' }],
      ['clientSecret', { ...good, clientSecret: 'pi_nope' }],
    ] as const) {
      const response = await confirm(bad);
      expect(response.status, field).toBe(400);
      expect(((await response.json()) as { field: string }).field).toBe(field);
    }
    const declined = await confirm({ ...good, cardNumber: '4000000000000002' });
    expect(declined.status).toBe(402);
    expect(await declined.json()).toEqual({ status: 'declined', message: 'Your card was declined.' });

    // The decline cancelled that order (checkout again is the buyer's path): a new checkout, paid.
    const retryCart = await createCart(c, [{ merchandiseId: variant.id, quantity: 1 }]);
    const retry = await checkout(c, retryCart, `key-${retryCart}`);
    const paid = await confirm({ ...good, clientSecret: retry.paymentIntentClientSecret! });
    expect(await paid.json()).toEqual({ status: 'succeeded' });
    const [order] = await c.system.subgraphs.orders!.sql<{ status: string; total_minor: number }>('select status, total_minor from customer_order where id = ?', [
      uuidOf(retry.order!.id),
    ]);
    expect(order?.status).toBe('PAID');
    expect(order?.total_minor).toBe(minor(retry.order!.totals.total.amount));
  });
});
