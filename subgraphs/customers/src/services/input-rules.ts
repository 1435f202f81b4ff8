import { userError, type UserError } from '#kit';

/** Longest name, street line or city we accept; longer is a mistake or an attack, not an address. */
export const MAX_TEXT_LENGTH = 255;
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

/** Trims an optional text input: empty becomes null; over `max` is an error. */
export function optionalText(
  value: string | null | undefined,
  field: string[],
  errors: UserError[],
  label: string,
  max = MAX_TEXT_LENGTH,
): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  if (trimmed.length > max) {
    errors.push(userError('TOO_LONG', `${label} is too long (at most ${max} characters).`, field));
    return null;
  }
  return trimmed;
}

/** Like optionalText, but a missing or blank value is a BLANK error. */
export function requiredText(
  value: string | null | undefined,
  field: string[],
  errors: UserError[],
  label: string,
  max = MAX_TEXT_LENGTH,
): string {
  const text = optionalText(value, field, errors, label, max);
  if (text === null && !errors.some((error) => error.field?.join('.') === field.join('.'))) {
    errors.push(userError('BLANK', `${label} can’t be blank.`, field));
  }
  return text ?? '';
}
