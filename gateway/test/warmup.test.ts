import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloGateway } from '@apollo/gateway';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifests } from '../src/safelist/index.ts';
import { warmQueryPlans } from '../src/warmup.ts';

const log = pino({ level: 'silent' });
const supergraphSdl = readFileSync(fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)), 'utf8');
const manifests = loadManifests(fileURLToPath(new URL('../../schema/persisted', import.meta.url)));
const gateway = new ApolloGateway({ supergraphSdl, logger: log });
afterAll(() => gateway.stop());

/** The plan cache's key, as the gateway's executor computes it for a request that names its operation. */
const keyOf = (id: string, name: string) => createHash('sha256').update(id).update(name).digest('hex');

describe('query plan warm-up', () => {
  it('plans every persisted operation when the supergraph loads, so no first request plans', async () => {
    const warmup = warmQueryPlans(gateway, manifests, log);
    await gateway.load();
    await warmup.warmed();
    const store = (gateway as unknown as { queryPlanStore: { get(key: string): Promise<unknown> } }).queryPlanStore;
    const operations = [...manifests.values()].flatMap((manifest) => [...manifest.values()]);
    expect(operations.length).toBeGreaterThan(0);
    for (const { id, name } of operations) {
      expect(await store.get(keyOf(id, name)), name).toBeDefined();
      // A request without operationName keys the plan by the query hash alone.
      expect(await store.get(id), name).toBeDefined();
    }
  });
});
