import { DomainError, InputErrors } from '#kit';

/**
 * Services name fields as they store them (`variants.0.priceMinor`), relative to their own input; the
 * schema names them as the client sent them (`input.variants.0.price.amount`). This maps the first onto
 * the second, so a userError points at what the client can fix.
 */
const VARIANT_FIELDS: Record<string, string[]> = {
  priceMinor: ['price', 'amount'],
  currencyCode: ['price', 'currencyCode'],
  weightGrams: ['weight', 'value'],
};

/**
 * `args` are the mutation's own argument names: a path starting with one stays as it is; any other
 * path is inside the `input` argument.
 */
export function toSchemaField(field: readonly string[], args: readonly string[]): string[] {
  const [head, index, name, ...rest] = field;
  const renamed = head === 'variants' && name !== undefined && VARIANT_FIELDS[name] ? [head, index!, ...VARIANT_FIELDS[name], ...rest] : [...field];
  return args.includes(renamed[0]!) ? renamed : ['input', ...renamed];
}

/** Runs a mutation's work, renaming the fields of its expected failures (see toSchemaField). */
export async function withSchemaFields<T>(args: readonly string[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError(error.code, error.message, error.field ? toSchemaField(error.field, args) : undefined);
    }
    if (error instanceof InputErrors) {
      throw new InputErrors(error.errors.map((one) => ({ ...one, field: one.field && toSchemaField(one.field, args) })));
    }
    throw error;
  }
}
