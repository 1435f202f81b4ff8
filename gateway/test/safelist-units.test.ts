import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientMetrics, loadManifests, manifestOf, parseManifest, percentile, sha256Hex } from '../src/safelist/index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safelist-units-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('persisted query manifests', () => {
  it('loads one manifest per client, named after its file; no folder is no manifests', async () => {
    await writeFile(join(dir, 'web.json'), JSON.stringify(manifestOf(['query A { a }', 'mutation B { b }'])));
    await writeFile(join(dir, 'pos.json'), JSON.stringify(manifestOf(['query A { a }'])));
    await writeFile(join(dir, 'README.md'), 'not a manifest');
    const manifests = loadManifests(dir);
    expect([...manifests.keys()]).toEqual(['pos', 'web']);
    expect(manifests.get('web')!.get(sha256Hex('mutation B { b }'))).toEqual({ id: sha256Hex('mutation B { b }'), name: 'B', type: 'mutation', body: 'mutation B { b }' });
    expect(loadManifests(join(dir, 'absent')).size).toBe(0);
  });

  it('refuses a manifest it would misread, naming the file and the entry', () => {
    const good = manifestOf(['query A { a }']);
    const entry = good.operations[0]!;
    expect(() => parseManifest({ ...good, format: 'something-else' }, 'web.json')).toThrow(/web.json: not an apollo-persisted-query-manifest/);
    expect(() => parseManifest({ ...good, version: 2 }, 'web.json')).toThrow(/version 1/);
    expect(() => parseManifest({ ...good, operations: [{ ...entry, body: 'query A { b }' }] }, 'web.json')).toThrow(/web.json: operations\[0\] \(A\): id is not the sha256 of its body/);
    expect(() => parseManifest({ ...good, operations: [{ ...entry, id: entry.id.toUpperCase() }] }, 'web.json')).toThrow(/lower-case hex/);
    expect(() => parseManifest({ ...good, operations: [{ ...entry, type: 'mutation' }] }, 'web.json')).toThrow(/the body is query A, the entry says mutation A/);
    const two = 'query A { a } query B { b }';
    expect(() => parseManifest({ ...good, operations: [{ ...entry, id: sha256Hex(two), body: two }] }, 'web.json')).toThrow(/exactly one operation/);
  });
});

describe('per-client metrics', () => {
  it('percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });

  it('summarises each client\'s requests, errors and latency per period, then starts a new period', () => {
    const logged: Record<string, any>[] = [];
    const metrics = new ClientMetrics(pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) }));
    for (let ms = 1; ms <= 20; ms++) metrics.record('web', ms, ms % 10 === 0);
    metrics.record('pos', 3, false);
    metrics.flush();
    expect(logged.map(({ msg, client, requests, errors, p50, p95 }) => ({ msg, client, requests, errors, p50, p95 }))).toEqual([
      { msg: 'graphql clients', client: 'pos', requests: 1, errors: 0, p50: 3, p95: 3 },
      { msg: 'graphql clients', client: 'web', requests: 20, errors: 2, p50: 10, p95: 19 },
    ]);
    expect(metrics.take()).toEqual([]);
  });

  it('keeps at most maxSamples latencies per client, and exact counts', () => {
    const metrics = new ClientMetrics(pino({ level: 'silent' }), { maxSamples: 100 });
    for (let i = 0; i < 10_000; i++) metrics.record('mobile', i % 100, false);
    const [summary] = metrics.take();
    expect(summary!.requests).toBe(10_000);
    expect(summary!.p50).toBeGreaterThan(30);
    expect(summary!.p50).toBeLessThan(70);
  });
});
