import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createComputeResponse, type ComputeResponse } from '../src/result-shaping/run.ts';
import { random, validInput } from './shaping-inputs.ts';

// The CommonJS copies @apollo/gateway runs, as result-shaping.test.ts loads them.
const gatewayRequire = createRequire(import.meta.resolve('@apollo/gateway'));
const fi = gatewayRequire('@apollo/federation-internals') as typeof import('@apollo/federation-internals');
const { parse } = gatewayRequire('graphql') as typeof import('graphql');
const shaping = gatewayRequire('@apollo/gateway/dist/resultShaping') as { computeResponse: ComputeResponse };

interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
}

/** Bytes allocated on V8's heap by `run`, collected or not, from the sampling heap profiler (one sample per 256 bytes). */
async function bytesAllocatedBy(run: () => void): Promise<number> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    run();
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const total = (node: SamplingNode): number => node.children.reduce((sum, child) => sum + total(child), node.selfSize);
    return total(profile.head as SamplingNode);
  } finally {
    session.disconnect();
  }
}

describe('result shaping, allocation', () => {
  it('shapes a 24-product listing allocating about its output, not a scope per field (issue 11)', async () => {
    const supergraph = readFileSync(fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)), 'utf8');
    const apiSchema = fi.Supergraph.build(supergraph).apiSchema();
    const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../schema/persisted/web.json', import.meta.url)), 'utf8')) as { operations: { name: string; body: string }[] };
    const listing = manifest.operations.find((operation) => operation.name === 'ProductListing')!;
    const operation = fi.operationFromDocument(apiSchema, parse(listing.body), { validate: false });
    const computeResponse = createComputeResponse(shaping.computeResponse);

    // What the products and inventory subgraphs send for a page: 24 products of 3 variants each.
    const sample = validInput(operation, random(7), 3) as { products: { nodes: unknown[] } };
    sample.products.nodes = Array.from({ length: 24 }, (_, index) => sample.products.nodes[index % 3]);
    const text = JSON.stringify(sample);
    const inputs = Array.from({ length: 20 }, () => JSON.parse(text) as Record<string, unknown>);
    const shape = (index: number) => computeResponse({ operation, variables: { first: 24 }, input: inputs[index % inputs.length], introspectionHandling: () => null });

    const { data } = shape(0);
    expect(JSON.stringify(data)).toBe(text);
    for (let index = 0; index < 3000; index++) shape(index);
    const calls = 1000;
    const perCall = (await bytesAllocatedBy(() => {
      for (let index = 0; index < calls; index++) shape(index);
    })) / calls;
    // The output is about 300 objects and arrays, 24 KB. When `update` held closures over its arguments (for
    // assertion messages), V8 gave each of its 2,000 calls a context object: 132 KB per listing.
    expect(perCall).toBeLessThan(64 * 1024);
  });
});
