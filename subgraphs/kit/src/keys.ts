import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every process signs with its own Ed25519 key and verifies others with their public keys: the
 * customers subgraph signs customer tokens, the gateway signs the identity it forwards, each subgraph
 * signs its service calls. A process loads only its own private key, so none can speak for another.
 *
 * A key set is a folder (`KEYS_DIR`) of `<principal>.key` (PKCS#8 PEM, private) and `<principal>.pub`
 * (SPKI PEM); for container secrets each key may instead come from a variable, `<PRINCIPAL>_PRIVATE_KEY`
 * or `<PRINCIPAL>_PUBLIC_KEY`, holding the PEM text.
 */
export interface KeyRing {
  /** The principal this process is: `gateway` or a subgraph's name. */
  readonly self: string;
  readonly privateKey: KeyObject;
  /** Another principal's public key, or undefined when this process was not given it. */
  publicKey(principal: string): KeyObject | undefined;
}

const PRINCIPAL = /^[a-z][a-z0-9_]*$/;

/** Writes a fresh key pair per principal into `dir` (private keys readable by the owner only). */
export function writeKeySet(dir: string, principals: readonly string[]): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const principal of principals) {
    if (!PRINCIPAL.test(principal)) throw new Error(`Not a principal name: ${principal}`);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(dir, `${principal}.key`), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(join(dir, `${principal}.pub`), publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  }
}

/** Whether `dir` holds a complete key set for these principals. */
export function hasKeySet(dir: string, principals: readonly string[]): boolean {
  return principals.every((p) => existsSync(join(dir, `${p}.key`)) && existsSync(join(dir, `${p}.pub`)));
}

/**
 * Loads `self`'s private key and, on demand, the public keys of others, from variables first and then
 * from `KEYS_DIR`. Throws, naming where it looked, when the private key or a `required` public key is
 * missing: a process without its keys must not start.
 */
export function loadKeyRing(self: string, options: { required?: readonly string[]; env?: NodeJS.ProcessEnv } = {}): KeyRing {
  const env = options.env ?? process.env;
  const dir = env.KEYS_DIR;
  const read = (principal: string, kind: 'key' | 'pub'): string | undefined => {
    const variable = `${principal.toUpperCase()}_${kind === 'key' ? 'PRIVATE' : 'PUBLIC'}_KEY`;
    if (env[variable]) return env[variable];
    const file = dir ? join(dir, `${principal}.${kind}`) : undefined;
    return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  const where = (principal: string, kind: 'key' | 'pub') =>
    `${principal.toUpperCase()}_${kind === 'key' ? 'PRIVATE' : 'PUBLIC'}_KEY or ${dir ? join(dir, `${principal}.${kind}`) : 'KEYS_DIR'}`;

  const privatePem = read(self, 'key');
  if (!privatePem) throw new Error(`No private key for ${self}: set ${where(self, 'key')} (\`npm run keys -- <folder>\` makes a set).`);
  const privateKey = createPrivateKey(privatePem);
  const publicKeys = new Map<string, KeyObject | undefined>();
  const publicKey = (principal: string) => {
    if (!PRINCIPAL.test(principal)) return undefined;
    if (!publicKeys.has(principal)) {
      const pem = read(principal, 'pub');
      publicKeys.set(principal, pem ? createPublicKey(pem) : undefined);
    }
    return publicKeys.get(principal);
  };
  for (const principal of options.required ?? []) {
    if (!publicKey(principal)) throw new Error(`No public key for ${principal}: set ${where(principal, 'pub')}.`);
  }
  return { self, privateKey, publicKey };
}
