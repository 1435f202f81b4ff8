import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, createIdentitySigner, createIdentityVerifier, type Viewer } from '#kit';
import { testKeyRing } from '#kit/testing/index.ts';

describe('a partner viewer (a verified X-API-Key at the gateway)', () => {
  it('reaches subgraphs as anonymous: no partner role, no partner id, no subject; the IP is kept', async () => {
    const sign = createIdentitySigner(testKeyRing('gateway'));
    const products = createIdentityVerifier(testKeyRing('products'));
    const partnerId = `gid://commerce/PartnerApiKey/${crypto.randomUUID()}`;
    // Even one carrying a customer id (it never should) is forwarded without it.
    const partner: Viewer = { role: 'partner', customerId: crypto.randomUUID(), partnerId, clientIp: '203.0.113.9' };
    const token = await sign(partner, 'products');
    const claims = decodeJwt(token);
    expect(claims.role).toBe('anonymous');
    expect(claims.sub).toBeUndefined();
    expect(JSON.stringify(claims)).not.toContain(partnerId.split('/').at(-1));
    expect(await products(token)).toEqual({ ...ANONYMOUS, clientIp: '203.0.113.9' });
    expect(await products(await sign({ role: 'partner', customerId: null, partnerId }, 'products'))).toEqual(ANONYMOUS);
  });

  it('is never accepted from the wire: an identity claiming `partner` is refused like any unknown role', async () => {
    const { SignJWT } = await import('jose');
    const gateway = testKeyRing('gateway');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ role: 'partner' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'gateway' })
      .setIssuer('gateway')
      .setAudience('products')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(gateway.privateKey);
    expect(await createIdentityVerifier(testKeyRing('products'))(forged)).toBeNull();
  });
});
