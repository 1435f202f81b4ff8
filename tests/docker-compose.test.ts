import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dockerComposeFile, rolesSql } from '../scripts/deployment-files.ts';
import { subgraphs } from '../subgraphs/index.ts';

// No Docker engine runs where these tests run, so the file is checked as data: it must be what
// subgraphs/index.ts generates, and describe the system the code expects.
const root = resolve(import.meta.dirname, '..');
const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
type Service = { command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, unknown>; secrets?: { source: string; target: string }[] };
const compose = parse(text) as { services: Record<string, Service>; secrets: Record<string, { file: string }> };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'test' || entry === 'generated') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('docker-compose.yml and deploy/roles.sql', () => {
  it('are what subgraphs/index.ts generates (run `npm run compose` after adding a subgraph)', () => {
    expect(text, 'docker-compose.yml is stale').toBe(dockerComposeFile(subgraphs));
    expect(readFileSync(join(root, 'deploy/roles.sql'), 'utf8'), 'deploy/roles.sql is stale').toBe(rolesSql(subgraphs));
  });

  it('run each subgraph from its main.ts on its port, as its own database role, with only its own private key', () => {
    for (const subgraph of subgraphs) {
      const service = compose.services[subgraph.name];
      expect(service, `docker-compose.yml has no service for ${subgraph.name}`).toBeDefined();
      expect(service!.command).toEqual(['node', `subgraphs/${subgraph.name}/src/main.ts`]);
      expect(existsSync(join(root, service!.command![1]!))).toBe(true);
      expect(service!.environment?.PORT).toBe(String(subgraph.port));
      expect(service!.environment?.DATABASE_URL).toMatch(new RegExp(`^postgres://commerce_${subgraph.name}:[^@]+@postgres:5432/`));
      const privateKeys = service!.secrets!.filter((secret) => secret.target.endsWith('.key')).map((secret) => secret.target);
      expect(privateKeys).toEqual([`${subgraph.name}.key`]);
      expect(service!.secrets!.map((secret) => secret.target)).toContain('gateway.pub');
      for (const callee of subgraph.calls ?? []) expect(service!.environment).toHaveProperty(`${callee.toUpperCase()}_URL`);
      for (const variable of subgraph.env ?? []) expect(service!.environment).toHaveProperty(variable);
    }
  });

  it('point the gateway at every subgraph by name, with the gateway\'s key and customers\' public key', () => {
    const gateway = compose.services.gateway!;
    expect(existsSync(join(root, gateway.command![1]!))).toBe(true);
    for (const subgraph of subgraphs) {
      expect(gateway.environment?.[`${subgraph.name.toUpperCase()}_URL`]).toBe(`http://${subgraph.name}:${subgraph.port}/graphql`);
      expect(Object.keys(gateway.depends_on ?? {})).toContain(subgraph.name);
    }
    const targets = gateway.secrets!.map((secret) => secret.target);
    expect(targets.filter((t) => t.endsWith('.key'))).toEqual(['gateway.key']);
    expect(targets).toContain('customers.pub');
    for (const secret of Object.values(compose.secrets)) expect(secret.file).toMatch(/^\.\/keys\/[a-z_]+\.(key|pub)$/);
  });

  it('create a role and schema for every subgraph, and migrate and seed once before they start', () => {
    const sql = readFileSync(join(root, 'deploy/roles.sql'), 'utf8');
    for (const subgraph of subgraphs) {
      expect(sql).toContain(`create schema ${subgraph.name} authorization commerce_${subgraph.name};`);
      expect(compose.services[subgraph.name]!.depends_on).toHaveProperty('seed');
      expect(compose.services.seed!.environment).toHaveProperty(`${subgraph.name.toUpperCase()}_DATABASE_URL`);
    }
    expect(compose.services.seed!.command).toEqual(['node', 'scripts/seed.ts']);
  });

  it('and the README document every variable the code reads', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const variables = new Set<string>();
    for (const file of [...sourceFiles(join(root, 'gateway')), ...sourceFiles(join(root, 'subgraphs')), ...sourceFiles(join(root, 'scripts'))]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) variables.add(match[1]!);
    }
    expect(variables.size).toBeGreaterThan(5);
    for (const variable of variables) expect(readme, variable).toContain(`\`${variable}\``);
    for (const pattern of ['`<NAME>_DATABASE_URL`', '`<NAME>_URL`', '`<NAME>_PORT`', '`<NAME>_PRIVATE_KEY`', '`<NAME>_PUBLIC_KEY`']) expect(readme).toContain(pattern);
  });
});
