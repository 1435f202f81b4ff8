import { userError, type UserError } from '#kit';

const MAX_EMAIL_LENGTH = 254;
// Deliberately loose: the only real test of an email is a message arriving. This catches typos.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

/** Emails are compared trimmed and lower-cased; this is the one place that decides how. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailErrors(email: string, field: string[]): UserError[] {
  if (email === '') return [userError('BLANK', 'Email can’t be blank.', field)];
  if (email.length > MAX_EMAIL_LENGTH) return [userError('TOO_LONG', `Email is too long (at most ${MAX_EMAIL_LENGTH} characters).`, field)];
  if (!EMAIL.test(email)) return [userError('INVALID', 'Email is invalid.', field)];
  return [];
}

