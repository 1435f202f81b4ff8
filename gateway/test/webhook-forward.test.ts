import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '#kit';
import { freePort, testKeyRing } from '#kit/testing/index.ts';
import { composeSupergraph, subgraphUrlsOf } from '../src/compose.ts';
import { createGatewayServer, type GatewayServer } from '../src/server.ts';

/**
 * `POST /webhooks/stripe` at the gateway, against a stand-in for the orders service that records what it
 * receives (the whole system's path, signature and all, is in tests/flows/stripe-webhook.test.ts).
 */
const ORDERS_SDL = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])\ntype Query { ping: String }';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

let orders: Server;
let ordersUrl: string;
let received: Received[] = [];
/** What the stand-in answers next; `hang` never answers. */
let reply: { status: number; type: string; body: string } | 'hang' = { status: 200, type: 'application/json', body: '{"received":true}' };
const gateways: GatewayServer[] = [];

async function startGateway(options: { ordersAt?: string; subgraphUrl?: (name: string) => string | undefined; webhookTimeoutMs?: number; name?: string } = {}) {
  const supergraph = composeSupergraph([{ name: options.name ?? 'orders', url: options.ordersAt ?? `${ordersUrl}/graphql`, sdl: ORDERS_SDL }]);
  const gateway = await createGatewayServer({
    supergraph,
    keys: testKeyRing('gateway'),
    log: createLogger('gateway'),
    ...(options.subgraphUrl ? { subgraphUrl: options.subgraphUrl } : {}),
    ...(options.webhookTimeoutMs ? { webhookTimeoutMs: options.webhookTimeoutMs } : {}),
  });
  gateways.push(gateway);
  return (await gateway.listen(0)).replace(/\/graphql$/, '/webhooks/stripe');
}

let webhook: string;

beforeAll(async () => {
  orders = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
    if (reply === 'hang') return;
    res.writeHead(reply.status, { 'content-type': reply.type, 'x-internal': 'not for the caller' });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => orders.listen(0, '127.0.0.1', () => resolve()));
  ordersUrl = `http://127.0.0.1:${(orders.address() as AddressInfo).port}`;
  webhook = await startGateway();
});

beforeEach(() => {
  received = [];
  reply = { status: 200, type: 'application/json', body: '{"received":true}' };
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  orders.closeAllConnections();
  await new Promise((resolve) => orders.close(resolve));
});

describe('POST /webhooks/stripe at the gateway', () => {
  it('reads subgraph URLs from the supergraph', () => {
    const supergraph = composeSupergraph([
      { name: 'orders', url: 'http://orders:4004/graphql', sdl: ORDERS_SDL },
      { name: 'cart', url: 'http://cart:4003/graphql', sdl: ORDERS_SDL.replace('ping', 'pong') },
    ]);
    expect(Object.fromEntries(subgraphUrlsOf(supergraph))).toEqual({ orders: 'http://orders:4004/graphql', cart: 'http://cart:4003/graphql' });
  });

  it("passes the exact bytes and the signature to orders' /webhooks/stripe, and answers with orders' status and body", async () => {
    // Pretty-printed like Stripe's, with bytes a re-encoding would change: a signature covers them all.
    const body = Buffer.concat([Buffer.from('{\n  "id": "evt_1",\r\n  "name": "Zoë \\u00e9"  \n}'), Buffer.from([0xff, 0xfe, 0x00, 0x0a])]);
    const response = await fetch(webhook, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': 't=1700000000,v1=abc,v0=def',
        'x-request-id': 'stripe-delivery-1',
        authorization: 'Bearer not-for-orders',
        cookie: 'session=not-for-orders',
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-internal')).toBeNull();
    expect(await response.text()).toBe('{"received":true}');
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got!.method).toBe('POST');
    expect(got!.url).toBe('/webhooks/stripe');
    expect(got!.body.equals(body)).toBe(true);
    expect(got!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(got!.headers['stripe-signature']).toBe('t=1700000000,v1=abc,v0=def');
    expect(got!.headers['x-request-id']).toBe('stripe-delivery-1');
    expect(got!.headers.authorization).toBeUndefined();
    expect(got!.headers.cookie).toBeUndefined();
    expect(got!.headers['x-commerce-identity']).toBeUndefined();
  });

  it("passes orders' refusals and failures on as they are (Stripe retries a 5xx)", async () => {
    reply = { status: 400, type: 'application/json; charset=utf-8', body: '{"error":"Invalid signature"}' };
    const refused = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect([refused.status, await refused.text()]).toEqual([400, '{"error":"Invalid signature"}']);
    reply = { status: 500, type: 'application/json; charset=utf-8', body: '{"error":"Not applied"}' };
    const failed = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect([failed.status, await failed.text()]).toEqual([500, '{"error":"Not applied"}']);
  });

  it('is no GraphQL endpoint: no CSRF rule refuses a text/plain POST, and a GraphQL body is only bytes', async () => {
    const body = '{"query":"{ __typename }"}';
    const response = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(response.status).toBe(200);
    expect(received.map((request) => request.body.toString())).toEqual([body]);
  });

  it('answers 405 to any other method, without calling orders', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await fetch(webhook, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
    expect(received).toEqual([]);
  });

  it('answers 413 to a body over 1 MiB, declared or streamed, without calling orders', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    const declared = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    // Chunked: no content-length to go by, so the limit applies as it arrives.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(64 * 1024));
        controller.close();
      },
    });
    const streamed = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(received).toEqual([]);
    // Exactly 1 MiB passes.
    expect((await fetch(webhook, { method: 'POST', body: Buffer.alloc(1024 * 1024, 'a') })).status).toBe(200);
  });

  it('answers 502 when orders is unreachable and 504 when it does not answer in time', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await startGateway({ ordersAt: `${closed}/graphql` });
    expect((await fetch(unreachable, { method: 'POST', body: '{}' })).status).toBe(502);

    const slow = await startGateway({ webhookTimeoutMs: 300 });
    reply = 'hang';
    const response = await fetch(slow, { method: 'POST', body: '{}' });
    expect(response.status).toBe(504);
  });

  it('answers 503 when the supergraph has no orders, and prefers the orders URL override to the composed one', async () => {
    const withoutOrders = await startGateway({ name: 'catalog' });
    expect((await fetch(withoutOrders, { method: 'POST', body: '{}' })).status).toBe(503);

    const overridden = await startGateway({ ordersAt: 'http://orders.invalid:4004/graphql', subgraphUrl: (name) => (name === 'orders' ? `${ordersUrl}/graphql` : undefined) });
    expect((await fetch(overridden, { method: 'POST', body: '{}' })).status).toBe(200);
    expect(received.map((request) => request.url)).toEqual(['/webhooks/stripe']);
  });
});
