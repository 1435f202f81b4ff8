import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '#kit/logger.ts';
import { testKeyRing } from '#kit/testing/index.ts';
import { composeSupergraph } from '../src/compose.ts';
import { createGatewayServer } from '../src/server.ts';

/**
 * A gateway reaches its subgraphs and nothing else. @apollo/gateway, left to itself, reports usage to
 * Apollo's servers (hourly and when it stops) and asks cloud metadata addresses who runs it when it starts.
 */
const connections: string[] = [];
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const [first, second] = args as [unknown, unknown];
  const target = typeof first === 'object' && first !== null ? first as { host?: string; port?: number; path?: string } : { port: first as number, host: typeof second === 'string' ? second : undefined };
  connections.push(target.path ?? `${target.host ?? 'localhost'}:${target.port}`);
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof connect;
afterAll(() => {
  net.Socket.prototype.connect = connect;
});

const SDL = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])\ntype Query { ping: String }';

describe('outbound connections', () => {
  it('opens none beyond loopback from start to stop, and leaves telemetry off unless the operator opts in', async () => {
    const before = process.env.APOLLO_TELEMETRY_DISABLED;
    delete process.env.APOLLO_TELEMETRY_DISABLED;
    try {
      const gateway = await createGatewayServer({
        supergraph: composeSupergraph([{ name: 'orders', url: 'http://127.0.0.1:9/graphql', sdl: SDL }]),
        keys: testKeyRing('gateway'),
        log: createLogger('gateway', { level: 'silent' }),
      });
      const url = await gateway.listen(0);
      expect((await fetch(url.replace(/\/graphql$/, '/health/live'))).status).toBe(200);
      // The metadata probes start at construction and the usage export runs at stop: give both their turn.
      await new Promise((done) => setTimeout(done, 200));
      await gateway.close();
      const outside = connections.filter((target) => !/^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\]):/.test(target) && !target.startsWith('/'));
      expect(outside).toEqual([]);
      // The spy saw the test's own loopback request, so it was in place.
      expect(connections.length).toBeGreaterThan(0);
      expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
    } finally {
      if (before === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
      else process.env.APOLLO_TELEMETRY_DISABLED = before;
    }
  });
});
