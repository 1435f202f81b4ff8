import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createIdentitySigner, createIdentityVerifier, issueAccessToken, loadKeyRing, verifyAccessToken, writeKeySet } from '#kit';
import { testKeyRing, untrustedKeyRing } from '#kit/testing/index.ts';

const customer = { role: 'customer' as const, customerId: crypto.randomUUID() };

describe('identities signed with asymmetric keys', () => {
  it('a subgraph accepts what the gateway signed for it, and refuses it when addressed to another subgraph', async () => {
    const signed = await createIdentitySigner(testKeyRing('gateway'))(customer, 'products');
    expect(await createIdentityVerifier(testKeyRing('products'))(signed)).toEqual(customer);
    expect(await createIdentityVerifier(testKeyRing('inventory'))(signed)).toBeNull();
  });

  it('a subgraph key vouches only for its own service identity, never for a person', async () => {
    const asProducts = createIdentitySigner(testKeyRing('products'));
    const inventory = createIdentityVerifier(testKeyRing('inventory'));
    // Asked to sign staff, products can only sign itself.
    expect(await inventory(await asProducts({ role: 'staff', customerId: crypto.randomUUID() }, 'inventory'))).toEqual({
      role: 'service',
      customerId: null,
      service: 'products',
    });
  });

  it('refuses forged, tampered, unknown-key, garbage and missing identities', async () => {
    const inventory = createIdentityVerifier(testKeyRing('inventory'));
    const impostor = createIdentitySigner({ ...untrustedKeyRing('gateway') });
    expect(await inventory(await impostor({ role: 'staff', customerId: crypto.randomUUID() }, 'inventory'))).toBeNull();
    const genuine = await createIdentitySigner(testKeyRing('gateway'))(customer, 'inventory');
    const [header, payload, signature] = genuine.split('.');
    const elevated = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'staff' })).toString('base64url');
    expect(await inventory(`${header}.${elevated}.${signature}`)).toBeNull();
    for (const bad of [undefined, '', 'garbage', 'a.b.c', 'x'.repeat(5000)]) expect(await inventory(bad)).toBeNull();
  });
});

describe('customer access tokens', () => {
  it('verify with customers\' public key; tokens signed with any other key, or expired, give no viewer', async () => {
    const customerId = crypto.randomUUID();
    const gateway = testKeyRing('gateway');
    const { accessToken, expiresAt } = await issueAccessToken({ customerId, role: 'staff' }, testKeyRing('customers'));
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await verifyAccessToken(accessToken, gateway)).toEqual({ role: 'staff', customerId });
    for (const signer of [testKeyRing('products'), testKeyRing('gateway'), untrustedKeyRing('customers')]) {
      const forged = await issueAccessToken({ customerId, role: 'staff' }, signer);
      expect(await verifyAccessToken(forged.accessToken, gateway)).toBeNull();
    }
    const expired = await issueAccessToken({ customerId, role: 'customer' }, testKeyRing('customers'), -1);
    expect(await verifyAccessToken(expired.accessToken, gateway)).toBeNull();
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${accessToken.split('.')[1]}.`;
    expect(await verifyAccessToken(unsigned, gateway)).toBeNull();
  });

  it('a token verified once is reused until it expires, and never past its expiry', async () => {
    const customerId = crypto.randomUUID();
    const gateway = testKeyRing('gateway');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { accessToken } = await issueAccessToken({ customerId, role: 'customer' }, testKeyRing('customers'), 60);
      expect(await verifyAccessToken(accessToken, gateway)).toEqual({ role: 'customer', customerId });
      vi.setSystemTime(Date.now() + 59_000);
      expect(await verifyAccessToken(accessToken, gateway)).toEqual({ role: 'customer', customerId });
      vi.setSystemTime(Date.now() + 1_000);
      expect(await verifyAccessToken(accessToken, gateway)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('key sets', () => {
  it('are written as one private and one public key per principal, and each process loads only its own private key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keys-'));
    try {
      writeKeySet(dir, ['gateway', 'customers']);
      expect((await stat(join(dir, 'gateway.key'))).mode & 0o077).toBe(0);
      const gateway = loadKeyRing('gateway', { required: ['customers'], env: { KEYS_DIR: dir } });
      const token = await issueAccessToken({ customerId: crypto.randomUUID(), role: 'customer' }, loadKeyRing('customers', { env: { KEYS_DIR: dir } }));
      expect(await verifyAccessToken(token.accessToken, gateway)).not.toBeNull();
      // One variable per key works as well as the folder, for container secrets.
      const fromVariables = loadKeyRing('gateway', {
        required: ['customers'],
        env: { GATEWAY_PRIVATE_KEY: await readFile(join(dir, 'gateway.key'), 'utf8'), CUSTOMERS_PUBLIC_KEY: await readFile(join(dir, 'customers.pub'), 'utf8') },
      });
      expect(await verifyAccessToken(token.accessToken, fromVariables)).not.toBeNull();
      expect(() => loadKeyRing('products', { env: { KEYS_DIR: dir } })).toThrow(/No private key for products/);
      expect(() => loadKeyRing('gateway', { required: ['inventory'], env: { KEYS_DIR: dir } })).toThrow(/No public key for inventory/);
      expect(() => loadKeyRing('gateway', { env: {} })).toThrow(/npm run keys/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
