import { createHash, randomBytes } from 'node:crypto';
import {
  assertNoInputErrors,
  decodeCursor,
  DomainError,
  isUuid,
  readPageSize,
  toConnection,
  toGlobalId,
  tryParseGlobalId,
  userError,
  type Connection,
  type RequestContext,
  type UserError,
} from '#kit';
import { PartnerApiKey } from '../entities/partner-api-key.entity.ts';

/**
 * Partner API keys. A secret is `sgc_` and 32 random bytes in base64url (43 characters): recognisable in
 * logs and by secret scanners, and 256 bits of entropy. Only its SHA-256 is stored. A slow, salted hash
 * (scrypt, as for passwords) defends guessable secrets against whoever steals the table; nothing can guess
 * 256 random bits, so it would only cost CPU on every lookup and rule out finding a key by its hash with
 * one unique-index read.
 */
export const SECRET_PREFIX = 'sgc_';
const SECRET = /^sgc_[A-Za-z0-9_-]{43}$/;
export const NAME_MAX_LENGTH = 100;
/** `lastUsedAt` is written at most this often per key: a lookup is a read, not a write per request. */
const LAST_USED_PRECISION_SECONDS = 60;
const INPUT = 'input';

export function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export const partnerApiKeyGlobalId = (key: PartnerApiKey) => toGlobalId('PartnerApiKey', key.id);

function readName(raw: string, errors: UserError[]): string {
  const field = [INPUT, 'name'];
  const name = raw.trim();
  if (name === '') errors.push(userError('BLANK', 'Name can’t be blank.', field));
  else if (name.length > NAME_MAX_LENGTH) errors.push(userError('TOO_LONG', `Name is too long (at most ${NAME_MAX_LENGTH} characters).`, field));
  else if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) errors.push(userError('INVALID', 'Name can’t contain control characters.', field));
  return name;
}

/** Creates a key for a partner (staff, checked by the permission table); the secret is returned this once. */
export async function createPartnerApiKey(ctx: RequestContext, input: { name: string }): Promise<{ apiKey: PartnerApiKey; secret: string }> {
  const errors: UserError[] = [];
  const name = readName(input.name, errors);
  assertNoInputErrors(errors);
  const secret = newSecret();
  const apiKey = ctx.em.create(PartnerApiKey, {
    id: crypto.randomUUID(),
    name,
    secretHash: hashSecret(secret),
    createdBy: ctx.viewer.customerId,
  });
  await ctx.em.flush();
  return { apiKey, secret };
}

/** Revokes a key; a revoked key stays as it was (its first `revokedAt`). Any unknown or malformed id is NOT_FOUND. */
export async function revokePartnerApiKey(ctx: RequestContext, id: string): Promise<PartnerApiKey> {
  const localId = tryParseGlobalId(id, 'PartnerApiKey');
  if (!localId) throw new DomainError('NOT_FOUND', 'No such partner API key.', ['id']);
  // In SQL, so `revokedAt` never precedes `createdAt` whatever the clocks of the app and the database say.
  await ctx.em.execute('update partner_api_key set revoked_at = greatest(now(), created_at) where id = ? and revoked_at is null', [localId]);
  const apiKey = await ctx.em.findOne(PartnerApiKey, { id: localId }, { refresh: true });
  if (!apiKey) throw new DomainError('NOT_FOUND', 'No such partner API key.', ['id']);
  return apiKey;
}

/** Every key, newest first, keyset-paged on (createdAt, id). A cursor that is not one of ours gives an empty page. */
export async function listPartnerApiKeys(ctx: RequestContext, first: number | null | undefined, after: string | null | undefined): Promise<Connection<PartnerApiKey>> {
  const limit = readPageSize(first);
  const where: Record<string, unknown> = {};
  if (after) {
    const [createdAt, id] = decodeCursor(after, 2);
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(createdAt))) {
      return toConnection([], limit, () => [], true);
    }
    const at = new Date(createdAt);
    where.$or = [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }];
  }
  const rows = limit === 0 ? [] : await ctx.em.find(PartnerApiKey, where as any, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: limit + 1 });
  return toConnection(rows, limit, (row) => [row.createdAt.toISOString(), row.id], Boolean(after));
}

/**
 * The key a secret belongs to, for the gateway: null when the secret is malformed, unknown or revoked.
 * Records the use (at most once a minute per key).
 */
export async function partnerByApiKey(ctx: RequestContext, secret: string): Promise<{ id: string; name: string } | null> {
  if (!SECRET.test(secret)) return null;
  // One statement: find the key, and touch `last_used_at` when it is older than the precision.
  const rows = await ctx.em.execute<{ id: string; name: string }[]>(
    `with found as (
       select id, name, last_used_at from partner_api_key where secret_hash = ? and revoked_at is null
     ), touched as (
       update partner_api_key k set last_used_at = greatest(now(), k.created_at)
         from found
        where k.id = found.id and (found.last_used_at is null or found.last_used_at < now() - make_interval(secs => ?))
     )
     select id, name from found`,
    [hashSecret(secret), LAST_USED_PRECISION_SECONDS],
  );
  const found = rows[0];
  return found ? { id: toGlobalId('PartnerApiKey', found.id), name: found.name } : null;
}
