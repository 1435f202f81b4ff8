/**
 * A HIT's answer written as the cache holds it. The entry is the JSON of the response's `data`; parsing it
 * only for Apollo Server to serialise it again was a third of the gateway's CPU on a cached listing (JSON.parse
 * 22%, JSON.stringify 12%). So a HIT hands Apollo an empty `data` and the stored text waits here, keyed by the
 * request's `cacheSlot` (signed-data-source.ts), until the kit's `beforeSend` puts it in the body.
 */
const pending = new WeakMap<object, string | Buffer>();

/** The `data` a HIT gives Apollo Server: what it serialises stands in for the stored text. */
export const HIT_DATA: Readonly<Record<string, never>> = Object.freeze({});
const PLACEHOLDER_BODY = '{"data":{}}';
const BEFORE_DATA = Buffer.from('{"data":');
const AFTER_DATA = Buffer.from('}');

export function holdHitBody(slot: object, data: string | Buffer): void {
  pending.set(slot, data);
}

/**
 * The body to send for the request of `slot`: Apollo's own unless it answered a HIT, then the stored
 * `data` in it. Byte for byte what a MISS sent (`{"data":…}`, as the kit's `stringifyResult` writes it); should anything
 * have been added beside `data` (errors, extensions), it is kept, at the price of a parse.
 */
export function bodyWithHit(slot: object | undefined, body: string): string | Buffer {
  const data = slot ? pending.get(slot) : undefined;
  if (data === undefined) return body;
  pending.delete(slot!);
  if (body === PLACEHOLDER_BODY) return typeof data === 'string' ? `{"data":${data}}` : Buffer.concat([BEFORE_DATA, data, AFTER_DATA]);
  const response = JSON.parse(body) as { data?: unknown };
  response.data = JSON.parse(String(data));
  return JSON.stringify(response);
}
