import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, IDENTITY_HEADER, ServiceCallError } from '#kit';
import { createServiceClients } from '../src/service-client.ts';

/** Calls between subgraphs over real HTTP: what reaches the callee, what comes back, and each way it fails. */

interface Received {
  headers: IncomingMessage['headers'];
  body: { query: string; variables: Record<string, unknown> };
}

const servers: Server[] = [];
const clients: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** A callee on a free port; `answer` writes the response. Counts the connections it accepted. */
async function callee(answer: (received: Received, res: ServerResponse) => void) {
  const received: Received[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const one = { headers: req.headers, body: JSON.parse(text) as Received['body'] };
      received.push(one);
      answer(one, res);
    });
  });
  server.on('connection', () => (connections += 1));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, received, connections: () => connections };
}

function clientFor(url: string | undefined, timeoutMs = 2_000) {
  const made = createServiceClients({ urlOf: () => url, sign: async (audience) => `signed-for-${audience}`, log: createLogger('test', { level: 'silent' }), timeoutMs });
  clients.push(made);
  return made.forRequest('req-1');
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

async function failureOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceCallError);
  return (error as ServiceCallError).failure;
}

describe('service calls', () => {
  it('send the signed identity and the request id, batch entity loads into one call, and keep the connection', async () => {
    const products = await callee(({ body }, res) => {
      const representations = (body.variables.representations ?? []) as { id: string }[];
      json(res, 200, { data: body.query.includes('_entities') ? { _entities: representations.map(({ id }) => ({ id, title: `title ${id}` })) } : { shop: 'open' } });
    });
    const client = clientFor(products.url);
    const loaded = await Promise.all(['a', 'b', 'c'].map((id) => client.entity('products', 'ProductVariant', 'id title', id)));
    expect(loaded).toEqual([
      { id: 'a', title: 'title a' },
      { id: 'b', title: 'title b' },
      { id: 'c', title: 'title c' },
    ]);
    for (let i = 0; i < 10; i++) expect(await client.query('products', '{ shop }')).toEqual({ shop: 'open' });
    expect(products.received).toHaveLength(11);
    expect(products.received[0]!.headers[IDENTITY_HEADER]).toBe('signed-for-products');
    expect(products.received[0]!.headers['x-request-id']).toBe('req-1');
    expect(products.received[0]!.body.variables.representations).toHaveLength(3);
    // Kept alive: one more may open while the first is being handed back, not one per call.
    expect(products.connections()).toBeLessThanOrEqual(2);
  });

  it('fail as TIMEOUT when the callee does not answer in time', async () => {
    const slow = await callee(() => undefined);
    expect(await failureOf(clientFor(slow.url, 200).query('inventory', '{ x }'))).toBe('TIMEOUT');
  });

  it('fail as UNAVAILABLE when nothing listens, or the callee is unavailable itself', async () => {
    const gone = await callee(() => undefined);
    servers.pop()!.close();
    expect(await failureOf(clientFor(gone.url).query('inventory', '{ x }'))).toBe('UNAVAILABLE');
    const down = await callee((_, res) => json(res, 200, { data: null, errors: [{ message: 'no database', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
    expect(await failureOf(clientFor(down.url).query('inventory', '{ x }'))).toBe('UNAVAILABLE');
  });

  it('fail as REFUSED, BAD_RESPONSE, REMOTE_ERROR or NOT_CONFIGURED for what each means', async () => {
    const refusing = await callee((_, res) => json(res, 401, { errors: [{ message: 'who are you', extensions: { code: 'UNAUTHENTICATED' } }] }));
    expect(await failureOf(clientFor(refusing.url).query('orders', '{ x }'))).toBe('REFUSED');
    const garbled = await callee((_, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'));
    expect(await failureOf(clientFor(garbled.url).query('orders', '{ x }'))).toBe('BAD_RESPONSE');
    const failing = await callee((_, res) => json(res, 200, { data: { x: null }, errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    expect(await failureOf(clientFor(failing.url).query('orders', '{ x }'))).toBe('REMOTE_ERROR');
    expect(await failureOf(clientFor(undefined).query('orders', '{ x }'))).toBe('NOT_CONFIGURED');
  });
});
