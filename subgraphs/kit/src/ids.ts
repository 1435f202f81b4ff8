import { ClientErrorCode, clientError } from './errors.ts';

/**
 * Global IDs are opaque to clients (`gid://commerce/Product/<uuid>`): they name the type so that an id of
 * one kind is never mistaken for another across subgraphs, and they never expose table layout.
 */
const PREFIX = 'gid://commerce/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: string, localId: string): string {
  return `${PREFIX}${type}/${localId}`;
}

/** The local uuid of a global id of `type`, or null when the id is not one. */
export function tryParseGlobalId(id: string, type: string): string | null {
  const expected = `${PREFIX}${type}/`;
  if (!id.startsWith(expected)) return null;
  const local = id.slice(expected.length).toLowerCase();
  return UUID.test(local) ? local : null;
}

/** Like tryParseGlobalId, but a malformed id is the client's error, reported on `field`. */
export function parseGlobalId(id: string, type: string, field: readonly string[] = ['id']): string {
  const local = tryParseGlobalId(id, type);
  if (local === null) {
    throw clientError(ClientErrorCode.BAD_USER_INPUT, `Invalid ${type} id: expected a ${type} global id.`, field);
  }
  return local;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
