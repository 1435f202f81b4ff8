/**
 * The storefront's one GraphQL client: the web client's persisted operations only, signed in with the
 * customer's token when there is one.
 */
import { createClient, GraphQLRequestError } from '../../app-kit/src/graphql.ts';
import { readToken } from './state/session.ts';

export const api = createClient({ client: 'web', token: readToken });

export interface UserErrorShape {
  field?: readonly string[] | null;
  message: string;
  code: string;
}

/** What a failed request says to the shopper: the API's message, or a plain retry hint. */
export function describeError(error: unknown): string {
  if (error instanceof GraphQLRequestError) return error.message;
  if (error instanceof TypeError) return 'The shop could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}
