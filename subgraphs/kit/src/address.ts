import { userError, type UserError } from './errors.ts';

/**
 * Postal addresses as clients send them (`MailingAddressInput`, one shape in every subgraph that takes
 * one: the supergraph composes it once) and the one set of rules that validates them. Customers' address
 * book and a cart's destination must accept and refuse the same addresses, so the rules live here.
 */

/** MailingAddressInput as GraphQL hands it over: omitted fields are undefined, explicit nulls are null. */
export interface MailingAddressInput {
  firstName?: string | null;
  lastName?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
  countryCode?: string | null;
  phone?: string | null;
}

/** A validated, normalised address, ready to store. */
export interface AddressFields {
  firstName: string | null;
  lastName: string | null;
  address1: string;
  address2: string | null;
  city: string;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string;
  phone: string | null;
}

/** Longest name, street line or city we accept; longer is a mistake or an attack, not an address. */
export const MAX_TEXT_LENGTH = 255;
const PROVINCE_CODE = /^[A-Za-z0-9-]{1,32}$/;
const PHONE = /^\+?[0-9 ().-]{4,32}$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** The English name of an ISO 3166-1 alpha-2 code, or null when the code names no country. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return null;
  return regionNames.of(code) ?? null;
}

/** Trims an optional text input: empty becomes null; over `max` is a TOO_LONG error on `field`. */
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

/** An ISO country code as typed (any case, spaces around): upper case, or an error on `field`. */
export function readCountryCode(raw: string, field: string[], errors: UserError[]): string | null {
  const code = raw.trim().toUpperCase();
  if (code === '') {
    errors.push(userError('BLANK', 'Country code can’t be blank.', field));
    return null;
  }
  if (countryName(code) === null) {
    errors.push(userError('INVALID', 'Country code must be an ISO 3166-1 two-letter code, e.g. "CA".', field));
    return null;
  }
  return code;
}

/**
 * Validates an address, every field at once (a form marks them all in one round trip). Against `base`
 * (the stored address, when updating) fields the input omits keep their value; without one, the input
 * is the whole address. Paths are `[...prefix, field]`, as clients send them.
 */
export function readAddressInput(
  input: MailingAddressInput,
  options: { base?: AddressFields; prefix?: readonly string[] } = {},
): { fields: AddressFields; errors: UserError[] } {
  const { base, prefix = ['address'] } = options;
  const errors: UserError[] = [];
  const pick = <K extends keyof AddressFields>(key: K) => (input[key] === undefined ? base?.[key] : input[key]);
  const path = (key: keyof AddressFields) => [...prefix, key];

  const countryCode = readCountryCode(pick('countryCode') ?? '', path('countryCode'), errors) ?? '';
  const provinceCode = optionalText(pick('provinceCode'), path('provinceCode'), errors, 'Province code', 32);
  if (provinceCode !== null && !PROVINCE_CODE.test(provinceCode)) {
    errors.push(userError('INVALID', 'Province code may hold only letters, digits and hyphens.', path('provinceCode')));
  }
  const phone = optionalText(pick('phone'), path('phone'), errors, 'Phone', 32);
  if (phone !== null && !PHONE.test(phone)) {
    errors.push(userError('INVALID', 'Phone may hold only digits, spaces and + ( ) - .', path('phone')));
  }
  const fields: AddressFields = {
    firstName: optionalText(pick('firstName'), path('firstName'), errors, 'First name'),
    lastName: optionalText(pick('lastName'), path('lastName'), errors, 'Last name'),
    address1: requiredText(pick('address1'), path('address1'), errors, 'Address'),
    address2: optionalText(pick('address2'), path('address2'), errors, 'Address line 2'),
    city: requiredText(pick('city'), path('city'), errors, 'City'),
    provinceCode: provinceCode?.toUpperCase() ?? null,
    zip: optionalText(pick('zip'), path('zip'), errors, 'ZIP code', 20),
    countryCode,
    phone,
  };
  return { fields, errors };
}
