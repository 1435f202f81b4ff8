import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readStripeConfig } from '#kit/payments/stripe-client.ts';
import { dockerComposeFile, REDIS, rolesSql, STRIPE_LOCAL } from '../scripts/deployment-files.ts';
import { readResponseCacheConfig } from '../gateway/src/cache/index.ts';
import { subgraphs } from '../subgraphs/index.ts';

// No Docker engine runs where these tests run, so the file is checked as data: it must be what
// subgraphs/index.ts generates, and describe the system the code expects.
const root = resolve(import.meta.dirname, '..');
const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
type Service = { image?: string; command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, unknown>; secrets?: { source: string; target: string }[]; ports?: string[] };
const compose = parse(text) as { services: Record<string, Service>; secrets: Record<string, { file: string }> };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'test' || entry === 'generated') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Compose's variable interpolation, as far as the file uses it: `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:+replacement}`, `${VAR+replacement}`, nested in the operand, and `$$`
 * (docs.docker.com/reference/compose-file/interpolation).
 */
function interpolate(text: string, host: Record<string, string>): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$$', i)) {
      out += '$';
      i += 2;
    } else if (text.startsWith('${', i)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 2))![0];
      let j = i + 2 + name.length;
      const operator = /^(:-|-|:\+|\+|\})/.exec(text.slice(j))![0];
      j += operator.length;
      let operand = '';
      if (operator !== '}') {
        let depth = 1;
        const start = j;
        for (; depth > 0; j++) {
          if (text.startsWith('${', j)) depth++, j++;
          else if (text[j] === '}') depth--;
          if (j >= text.length) throw new Error(`unclosed \${ in ${text}`);
        }
        operand = interpolate(text.slice(start, j - 1), host);
      }
      const value = host[name];
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      out += { '}': value ?? '', ':-': nonEmpty ? value : operand, '-': set ? value : operand, ':+': nonEmpty ? operand : '', '+': set ? operand : '' }[operator]!;
      i = j;
    } else {
      out += text[i++];
    }
  }
  return out;
}

/** A service's environment as its container sees it, given the host's variables. */
const environmentOf = (service: string, host: Record<string, string>) =>
  Object.fromEntries(Object.entries(compose.services[service]!.environment ?? {}).map(([name, value]) => [name, interpolate(String(value), host)]));

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

  it('give the gateway Redis for its response cache and rate limits, and the event queue as a role that owns nothing', () => {
    const gateway = compose.services.gateway!;
    const redis = compose.services[REDIS.service]!;
    expect(redis.image).toMatch(/^redis:/);
    // Entries expire and may be evicted; invalidation marks have no expiry and must never be (an allkeys-* policy could).
    const policy = redis.command!.indexOf('--maxmemory-policy');
    expect(policy).toBeGreaterThan(0);
    expect(redis.command![policy + 1]).toBe('volatile-lru');
    expect(gateway.depends_on).toHaveProperty(REDIS.service);
    const env = environmentOf('gateway', {});
    const events = new URL(env.EVENTS_DATABASE_URL!);
    expect([events.username, events.hostname, events.pathname]).toEqual(['commerce_gateway', 'postgres', '/commerce']);
    expect(env.EVENTS_ROLE).toBe('commerce_events');
    // What the gateway makes of it: the cache in Redis, invalidated by events read as the queue's owner.
    expect(readResponseCacheConfig(env)).toEqual({ redisUrl: `redis://${REDIS.service}:${REDIS.port}`, events: { url: env.EVENTS_DATABASE_URL, role: 'commerce_events' } });
    const sql = readFileSync(join(root, 'deploy/roles.sql'), 'utf8');
    expect(sql).toContain(`create role commerce_gateway login password '${events.password}';`);
    expect(sql).toContain('grant commerce_events to commerce_gateway;');
    expect(sql).not.toMatch(/create schema gateway/);
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

  describe('payments', () => {
    const payers = subgraphs.filter((subgraph) => (subgraph.env ?? []).some((name) => name.startsWith('STRIPE_')));
    const stripeLocal = compose.services[STRIPE_LOCAL.service]!;

    it('interpolate as Compose does', () => {
      const host = { SET: 'x', EMPTY: '' };
      expect(interpolate('${SET:-d} ${EMPTY:-d} ${UNSET:-d} ${EMPTY-d} ${UNSET-d}', host)).toBe('x d d  d');
      expect(interpolate('${SET:+r} ${EMPTY:+r} ${EMPTY+r} ${UNSET+r} ${UNSET:-${SET:+a}b} $$HOME ${SET}', host)).toBe('r  r  ab $HOME x');
    });

    it('run stripe-local from the image, delivering webhooks to the gateway, its back door on the host loopback only', () => {
      expect(payers.map((subgraph) => subgraph.name)).toContain('orders');
      expect(stripeLocal.command).toEqual(['node', 'stripe-local/src/main.ts']);
      expect(existsSync(join(root, stripeLocal.command![1]!))).toBe(true);
      expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(/^COPY stripe-local \.\/stripe-local$/m);
      const env = environmentOf(STRIPE_LOCAL.service, {});
      expect(env.NODE_ENV).not.toBe('production');
      expect(env.PORT).toBe(String(STRIPE_LOCAL.port));
      expect(env.STRIPE_LOCAL_WEBHOOK_URL).toBe(`http://gateway:${compose.services.gateway!.environment!.PORT}/webhooks/stripe`);
      expect(stripeLocal.ports).toEqual([`127.0.0.1:${STRIPE_LOCAL.port}:${STRIPE_LOCAL.port}`]);
      for (const payer of payers) expect(compose.services[payer.name]!.depends_on).toHaveProperty(STRIPE_LOCAL.service);
    });

    it('with nothing set on the host, go to stripe-local with the secret it signs with', () => {
      for (const payer of payers) {
        const env = environmentOf(payer.name, {});
        expect(env.NODE_ENV).not.toBe('production');
        expect(readStripeConfig(env)).toEqual({
          secretKey: expect.stringMatching(/^sk_test_/),
          apiUrl: `http://${STRIPE_LOCAL.service}:${STRIPE_LOCAL.port}`,
          webhookSecret: environmentOf(STRIPE_LOCAL.service, {}).STRIPE_WEBHOOK_SECRET,
        });
      }
    });

    it("with the host's key, secret and STRIPE_API_URL= (empty), go to Stripe in production mode; half of that refuses to start", () => {
      for (const payer of payers) {
        const real = { STRIPE_SECRET_KEY: 'sk_test_real', STRIPE_WEBHOOK_SECRET: 'whsec_real', STRIPE_API_URL: '' };
        const env = environmentOf(payer.name, real);
        expect(env.NODE_ENV).toBe('production');
        expect(readStripeConfig(env)).toEqual({ secretKey: 'sk_test_real', webhookSecret: 'whsec_real' });
        expect(readStripeConfig(environmentOf(payer.name, { ...real, STRIPE_SECRET_KEY: 'sk_live_real' }))).toMatchObject({ secretKey: 'sk_live_real' });
        // Never silently local with a real key, nor verifying Stripe's deliveries with the laptop secret.
        const { STRIPE_API_URL: _url, ...withoutUrl } = real;
        expect(() => readStripeConfig(environmentOf(payer.name, withoutUrl))).toThrow(/STRIPE_API_URL/);
        const { STRIPE_WEBHOOK_SECRET: _secret, ...withoutSecret } = real;
        expect(() => readStripeConfig(environmentOf(payer.name, withoutSecret))).toThrow(/STRIPE_WEBHOOK_SECRET/);
      }
    });
  });

  it('give every long-lived service the stripped-TypeScript hook, from the image, whose build fills its cache', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const workdir = /^WORKDIR (\S+)$/m.exec(dockerfile.split(/^FROM /m).at(-1)!)![1]!;
    for (const name of [...subgraphs.map((s) => s.name), 'gateway', STRIPE_LOCAL.service]) {
      const hook = /--import=(\S+)/.exec(compose.services[name]!.environment!.NODE_OPTIONS ?? '')?.[1];
      expect(hook, name).toBe(`${workdir}/scripts/ts-cache/hooks.mjs`);
      expect(existsSync(join(root, hook!.slice(workdir.length)))).toBe(true);
    }
    // Built as root, before the services run as `node`, with the sources it strips already copied.
    const build = dockerfile.indexOf('RUN node scripts/ts-cache-cli.ts');
    expect(build).toBeGreaterThan(dockerfile.indexOf('COPY stripe-local'));
    expect(build).toBeLessThan(dockerfile.indexOf('USER node'));
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
