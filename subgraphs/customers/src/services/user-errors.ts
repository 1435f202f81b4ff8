import { DomainError, type UserError } from '#kit';

/**
 * Several input problems at once (a blank city and a bad country code), so a form can mark every field
 * in one round trip. Thrown by services; `toPayloadErrors` turns it, or a single DomainError, into userErrors.
 */
export class InputErrors extends Error {
  readonly errors: UserError[];
  constructor(errors: UserError[]) {
    super(errors.map((error) => error.message).join(' '));
    this.name = 'InputErrors';
    this.errors = errors;
  }
}

/** Throws when `errors` is not empty. */
export function assertNoErrors(errors: UserError[]): void {
  if (errors.length > 0) throw new InputErrors(errors);
}

/** The userErrors for an expected failure; anything else is rethrown, to be masked as an internal error. */
export function toPayloadErrors(error: unknown): UserError[] {
  if (error instanceof InputErrors) return error.errors;
  if (error instanceof DomainError) return [error.toUserError()];
  throw error;
}
