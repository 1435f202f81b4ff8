/**
 * The till's two GraphQL clients, both on the pos client's persisted operations only.
 * - `staff` carries the clerk's token: log-in, locations, stock, creating the sale's cart (`cartCreate` with
 *   the store's `locationId`, staff only: always a new till cart of nobody's, checked against the store's
 *   stock), the sale itself, pickups.
 * - `guest` carries none, for the cart's other changes and reads: a till cart, like a guest cart, is reached
 *   by its unguessable id alone, and `posCheckoutComplete` sells it as the API documents.
 */
import { createClient, GraphQLRequestError } from '../../app-kit/src/graphql.ts';
import { loadSession } from './session.ts';

export const staff = createClient({ client: 'pos', token: () => loadSession()?.token ?? null });
export const guest = createClient({ client: 'pos' });

export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

const startsWith = (field: string[] | null, path: string[]) => field !== null && path.every((part, index) => field[index] === part);

/** The message of the first user error on `path` or below it (e.g. ['payment', 'tendered']). */
export function errorAt(errors: readonly UserError[], path: string[]): string | undefined {
  return errors.find((error) => startsWith(error.field, path))?.message;
}

/** User errors not on any of the given paths: shown together, where the form reports its outcome. */
export function errorsElsewhere(errors: readonly UserError[], paths: string[][]): UserError[] {
  return errors.filter((error) => !paths.some((path) => startsWith(error.field, path)));
}

/** A sentence for the clerk from anything a request threw. */
export function describeFailure(error: unknown): string {
  if (error instanceof GraphQLRequestError) {
    if (error.code === 'UNAUTHENTICATED') return 'Your session has ended. Log in again.';
    if (error.code === 'FORBIDDEN') return 'This account may not do that at the till.';
    return error.message;
  }
  if (error instanceof TypeError) return 'The server cannot be reached. Check the connection and try again.';
  return error instanceof Error ? error.message : String(error);
}

/** True when a failure means the clerk's token is no longer accepted. */
export const isSignedOut = (error: unknown) => error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED';
