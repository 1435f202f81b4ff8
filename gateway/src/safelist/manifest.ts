import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/**
 * One entry of Apollo's persisted query manifest (`@apollo/generate-persisted-query-manifest`, GraphOS
 * persisted query lists): `id` is the sha256 (lower-case hex) of `body`, which holds one operation and the
 * fragments it uses.
 */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/** Each client's operations by id, the client named after its manifest's file (`web.json` is `web`). */
export type PersistedManifests = ReadonlyMap<string, ReadonlyMap<string, PersistedOperation>>;

export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';
const CLIENT_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const TYPES = new Set(['query', 'mutation', 'subscription']);

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Reads every `<client>.json` in `dir` (schema/persisted by default). A missing folder is no manifests;
 * a malformed manifest, an id that is not its body's sha256, or a body that is not one operation of the
 * declared type throws, naming the file and the entry: the gateway must not start on a list it misreads.
 */
export function loadManifests(dir: string): PersistedManifests {
  const manifests = new Map<string, ReadonlyMap<string, PersistedOperation>>();
  if (!existsSync(dir)) return manifests;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const client = basename(file, '.json');
    const path = join(dir, file);
    if (!CLIENT_NAME.test(client)) throw new Error(`${path}: a manifest's file name is its client's name (lower case, e.g. web.json)`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: not JSON (${(error as Error).message})`);
    }
    manifests.set(client, parseManifest(json, path));
  }
  return manifests;
}

/** Checks one manifest's shape and every entry; `source` names it in errors. */
export function parseManifest(json: unknown, source: string): Map<string, PersistedOperation> {
  const manifest = json as { format?: unknown; version?: unknown; operations?: unknown } | null;
  if (!manifest || typeof manifest !== 'object' || manifest.format !== MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${source}: not an ${MANIFEST_FORMAT} version 1 ({ format, version: 1, operations: [...] })`);
  }
  const operations = new Map<string, PersistedOperation>();
  for (const [index, entry] of (manifest.operations as unknown[]).entries()) {
    const where = `${source}: operations[${index}]`;
    const { id, name, type, body } = (entry ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !SHA256_HEX.test(id)) throw new Error(`${where}: id must be a sha256 in lower-case hex`);
    if (typeof body !== 'string' || typeof name !== 'string' || typeof type !== 'string' || !TYPES.has(type)) {
      throw new Error(`${where} (${id}): needs a string name and body, and a type of query, mutation or subscription`);
    }
    if (sha256Hex(body) !== id) throw new Error(`${where} (${name}): id is not the sha256 of its body`);
    const operation = soleOperationOf(body, where);
    if (operation.operation !== type || (operation.name && operation.name.value !== name)) {
      throw new Error(`${where}: the body is ${operation.operation} ${operation.name?.value ?? '(anonymous)'}, the entry says ${type} ${name}`);
    }
    operations.set(id, { id, name, type: type as PersistedOperation['type'], body });
  }
  return operations;
}

function soleOperationOf(body: string, where: string): OperationDefinitionNode {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch (error) {
    throw new Error(`${where}: the body does not parse (${(error as Error).message})`);
  }
  if (operations.length !== 1) throw new Error(`${where}: a persisted operation holds exactly one operation, this body has ${operations.length}`);
  return operations[0]!;
}

/** A manifest in Apollo's format, from documents (test fixtures; the real ones come from `npm run codegen`). */
export function manifestOf(bodies: readonly string[]): { format: string; version: 1; operations: PersistedOperation[] } {
  return {
    format: MANIFEST_FORMAT,
    version: 1,
    operations: bodies.map((body) => {
      const operation = soleOperationOf(body, 'manifestOf');
      return { id: sha256Hex(body), name: operation.name?.value ?? '', type: operation.operation, body };
    }),
  };
}
