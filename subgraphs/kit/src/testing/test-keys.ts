import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { KeyRing } from '../keys.ts';

/**
 * One Ed25519 key pair per principal for this test process, made on first use: every ring built here
 * trusts every other principal's public key and holds only its own private key, as in production.
 */
const pairs = new Map<string, { privateKey: KeyObject; publicKey: KeyObject }>();

function pairOf(principal: string) {
  let pair = pairs.get(principal);
  if (!pair) {
    pair = generateKeyPairSync('ed25519');
    pairs.set(principal, pair);
  }
  return pair;
}

export function testKeyRing(self: string): KeyRing {
  return { self, privateKey: pairOf(self).privateKey, publicKey: (principal) => pairOf(principal).publicKey };
}

/** A ring whose key nobody trusts: what an attacker with a key of their own would hold. */
export function untrustedKeyRing(self: string): KeyRing {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { self, privateKey, publicKey: () => undefined };
}
