import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { subgraphs } from '../subgraphs/index.ts';

// No Docker engine runs where these tests run, so the file is checked as data: it must describe the
// system the code expects, with every service and variable in place.
const root = resolve(import.meta.dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, unknown>; build?: unknown; image?: string }>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'test' || entry === 'generated') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('docker-compose.yml', () => {
  it('names postgres, every subgraph and the gateway', () => {
    const names = Object.keys(compose.services);
    for (const expected of ['postgres', 'gateway', ...subgraphs.map((s) => s.name)]) expect(names).toContain(expected);
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
  });

  it('runs each subgraph from its main.ts on its port, with its database and the shared secrets', () => {
    for (const subgraph of subgraphs) {
      const service = compose.services[subgraph.name]!;
      expect(service.command).toEqual(['node', `subgraphs/${subgraph.name}/src/main.ts`]);
      expect(existsSync(join(root, service.command![1]!))).toBe(true);
      expect(service.environment?.PORT).toBe(String(subgraph.port));
      expect(service.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(service.environment?.JWT_SECRET?.length).toBeGreaterThanOrEqual(32);
      expect(service.environment?.SUBGRAPH_SECRET).toBe(compose.services.gateway!.environment?.SUBGRAPH_SECRET);
    }
  });

  it('points the gateway at every subgraph by name', () => {
    const gateway = compose.services.gateway!;
    expect(existsSync(join(root, gateway.command![1]!))).toBe(true);
    for (const subgraph of subgraphs) {
      expect(gateway.environment?.[`${subgraph.name.toUpperCase()}_URL`]).toBe(`http://${subgraph.name}:${subgraph.port}/graphql`);
      expect(Object.keys(gateway.depends_on ?? {})).toContain(subgraph.name);
    }
    expect(gateway.environment?.JWT_SECRET).toBeTruthy();
  });

  it('migrates and seeds once before the subgraphs start', () => {
    const seed = compose.services.seed!;
    expect(seed.command).toEqual(['node', 'scripts/seed.ts']);
    expect(seed.environment).toHaveProperty('SEED_STAFF_EMAIL');
    expect(seed.environment).toHaveProperty('SEED_STAFF_PASSWORD');
    for (const subgraph of subgraphs) expect(compose.services[subgraph.name]!.depends_on).toHaveProperty('seed');
  });

  it('and the README document every variable the code reads', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const variables = new Set<string>();
    for (const file of [...sourceFiles(join(root, 'gateway')), ...sourceFiles(join(root, 'subgraphs')), ...sourceFiles(join(root, 'scripts'))]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) variables.add(match[1]!);
    }
    expect(variables.size).toBeGreaterThan(5);
    for (const variable of variables) expect(readme, variable).toContain(`\`${variable}\``);
    for (const pattern of ['`<NAME>_DATABASE_URL`', '`<NAME>_URL`', '`<NAME>_PORT`']) expect(readme).toContain(pattern);
  });
});
