import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (node:crypto, no native add-on). The stored form names its own parameters,
 * `scrypt$N$r$p$<salt>$<hash>` (base64url), so the cost can be raised later without breaking old hashes.
 */
export const PASSWORD_HASH_COST = { N: 16_384, r: 8, p: 1 } as const;
const COST = PASSWORD_HASH_COST;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Stored hashes are trusted data, but a corrupted row must not make one login allocate gigabytes.
const MAX_N = 1 << 20;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** 128·N·r bytes of scratch memory, plus headroom; Node's default limit is too small for stronger settings. */
function maxmem(N: number, r: number): number {
  return 128 * N * r * 2;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, { ...COST, maxmem: maxmem(COST.N, COST.r) });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; false for a mismatch or a hash this module cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > MAX_N || (N & (N - 1)) !== 0 || r > 32 || p > 16) {
    return false;
  }
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (salt.length === 0 || expected.length === 0) return false;
  const actual = await scrypt(password, salt, expected.length, { N, r, p, maxmem: maxmem(N, r) });
  return timingSafeEqual(actual, expected);
}

// A hash of a random password nobody kept: verifying against it costs exactly what a real check costs
// as long as its parameters equal COST (a test pins that).
export const DUMMY_HASH = 'scrypt$16384$8$1$-jM18TnpQfUz-E4oZyaEsg$jxRbfciFNARg8L7ZZkG11S26onsuUc0DAX2epJbC8hM';

/**
 * Burns the same scrypt work as a real check, for logins naming an unknown email: answering faster
 * there would tell an attacker which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}
