import { userError, type UserError } from '#kit';

/**
 * The address rules of the customers subgraph (subgraphs/customers/src/services/address-input.ts),
 * repeated here rather than imported: subgraphs never import each other. Keep the two in step.
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

/** A validated, normalised address. */
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

export const MAX_TEXT_LENGTH = 255;
const PROVINCE_CODE = /^[A-Za-z0-9-]{1,32}$/;
const PHONE = /^\+?[0-9 ().-]{4,32}$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** The English name of an ISO 3166-1 alpha-2 code, or null when the code names no country. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return null;
  return regionNames.of(code) ?? null;
}

/** Trims an optional text input: empty becomes null; over `max` is an error. */
export function optionalText(value: string | null | undefined, field: string[], errors: UserError[], label: string, max = MAX_TEXT_LENGTH): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  if (trimmed.length > max) {
    errors.push(userError('TOO_LONG', `${label} is too long (at most ${max} characters).`, field));
    return null;
  }
  return trimmed;
}

function requiredText(value: string | null | undefined, field: string[], errors: UserError[], label: string, max = MAX_TEXT_LENGTH): string {
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

/** Validates a whole address (a cart's destination is replaced, never merged). Paths are `[prefix…, field]`. */
export function readAddressInput(input: MailingAddressInput, prefix: readonly string[] = ['address']): { fields: AddressFields; errors: UserError[] } {
  const errors: UserError[] = [];
  const path = (key: keyof AddressFields) => [...prefix, key];
  const countryCode = readCountryCode(input.countryCode ?? '', path('countryCode'), errors) ?? '';

  const provinceCode = optionalText(input.provinceCode, path('provinceCode'), errors, 'Province code', 32);
  if (provinceCode !== null && !PROVINCE_CODE.test(provinceCode)) {
    errors.push(userError('INVALID', 'Province code may hold only letters, digits and hyphens.', path('provinceCode')));
  }
  const phone = optionalText(input.phone, path('phone'), errors, 'Phone', 32);
  if (phone !== null && !PHONE.test(phone)) {
    errors.push(userError('INVALID', 'Phone may hold only digits, spaces and + ( ) - .', path('phone')));
  }
  const fields: AddressFields = {
    firstName: optionalText(input.firstName, path('firstName'), errors, 'First name'),
    lastName: optionalText(input.lastName, path('lastName'), errors, 'Last name'),
    address1: requiredText(input.address1, path('address1'), errors, 'Address'),
    address2: optionalText(input.address2, path('address2'), errors, 'Address line 2'),
    city: requiredText(input.city, path('city'), errors, 'City'),
    provinceCode: provinceCode?.toUpperCase() ?? null,
    zip: optionalText(input.zip, path('zip'), errors, 'ZIP code', 20),
    countryCode,
    phone,
  };
  return { fields, errors };
}
