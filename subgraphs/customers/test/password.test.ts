import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, PASSWORD_HASH_COST, hashPassword, verifyPassword } from '../src/services/password.ts';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  });

  it('rejects hashes it cannot read instead of throwing or running unbounded work', async () => {
    const [, , , , salt, hash] = (await hashPassword('pw-12345678')).split('$');
    for (const stored of ['', 'plain-text', `bcrypt$16384$8$1$${salt}$${hash}`, `scrypt$4194304$8$1$${salt}$${hash}`, `scrypt$1000$8$1$${salt}$${hash}`, `scrypt$16384$8$1$$`]) {
      expect(await verifyPassword('pw-12345678', stored), stored).toBe(false);
    }
  });

  it('keeps the unknown-email dummy hash at the current cost, so it takes as long as a real check', () => {
    const { N, r, p } = PASSWORD_HASH_COST;
    expect(DUMMY_HASH.startsWith(`scrypt$${N}$${r}$${p}$`)).toBe(true);
    expect(N).toBeGreaterThanOrEqual(16_384);
  });
});
