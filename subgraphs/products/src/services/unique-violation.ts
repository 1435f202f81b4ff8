import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { DomainError } from '#kit';
import { CatalogErrorCode } from './catalog-rules.ts';

/**
 * Runs a write whose unique values a client chooses (handles, SKUs). The unique indexes are the only
 * check: a duplicate committed by a concurrent request a moment earlier is caught exactly like an old
 * one, and becomes a TAKEN user error instead of a 500. Wrap the whole transaction: after a violation
 * PostgreSQL accepts nothing more in it, so it must roll back before the error is answered.
 */
export async function refusingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const taken = error instanceof UniqueConstraintViolationException ? takenError(error) : null;
    throw taken ?? error;
  }
}

function takenError(error: UniqueConstraintViolationException): DomainError | null {
  // The driver copies PostgreSQL's error fields (constraint, detail) onto MikroORM's exception.
  const { constraint, detail } = error as UniqueConstraintViolationException & { constraint?: string; detail?: string };
  const value = /\)=\((.*)\) already exists/.exec(detail ?? '')?.[1];
  switch (constraint) {
    case 'product_handle_key':
    case 'category_handle_key':
      return new DomainError(CatalogErrorCode.TAKEN, `The handle ${quoted(value)}is already in use.`, ['handle']);
    case 'product_variant_sku_key':
      return new DomainError(CatalogErrorCode.TAKEN, `The SKU ${quoted(value)}is already in use.`, ['variants']);
    default:
      // Any other unique index (a variant's position) is the service's own invariant, not the client's doing.
      return null;
  }
}

const quoted = (value: string | undefined) => (value === undefined ? '' : `"${value}" `);
