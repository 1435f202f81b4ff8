import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse, print } from 'graphql';

/** The web client's persisted-operation manifest: its operations are the explorer's example tabs. */
export const WEB_MANIFEST_PATH = resolve(import.meta.dirname, '../../../schema/persisted/web.json');

export interface ExampleOperation {
  name: string;
  body: string;
}

/** More tabs than this helps nobody; the manifest's first ones are shown. */
const MAX_TABS = 40;

/**
 * The operations of an Apollo persisted-query manifest (`{ format: "apollo-persisted-query-manifest",
 * version: 1, operations: [{ id, name, type, body }] }`), read at each call so a regenerated manifest shows
 * up without a restart. No file means no examples; a malformed one is reported through `onInvalid` and
 * gives none either.
 */
export async function readExampleOperations(path: string, onInvalid?: (reason: string) => void): Promise<ExampleOperation[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onInvalid?.(`unreadable: ${(error as Error).message}`);
    return [];
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    onInvalid?.('not JSON');
    return [];
  }
  if (!isRecord(manifest) || !Array.isArray(manifest.operations)) {
    onInvalid?.('no operations array');
    return [];
  }
  if (manifest.format !== undefined && manifest.format !== 'apollo-persisted-query-manifest') {
    onInvalid?.(`unknown format ${JSON.stringify(manifest.format)}`);
    return [];
  }
  const operations = manifest.operations.filter(
    (operation): operation is { name?: unknown; type?: unknown; body: string } => isRecord(operation) && typeof operation.body === 'string' && operation.body.trim() !== '',
  );
  // Queries first (the first tab is one to run as it is), each kind in the manifest's order.
  const ordered = [...operations.filter((operation) => operation.type !== 'mutation'), ...operations.filter((operation) => operation.type === 'mutation')];
  return ordered.slice(0, MAX_TABS).map((operation) => ({ name: typeof operation.name === 'string' ? operation.name : '', body: readable(operation.body) }));
}

/** Manifests hold documents on one line; a tab reads better printed. A document that does not parse stays as it is. */
function readable(body: string): string {
  try {
    return print(parse(body));
  } catch {
    return body;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
