import { userError, type UserError } from '#kit';
import { optionalText, requiredText } from './input-rules.ts';

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

const FIELD = 'address';
const PROVINCE_CODE = /^[A-Za-z0-9-]{1,32}$/;
const PHONE = /^\+?[0-9 ().-]{4,32}$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** The English name of an ISO 3166-1 alpha-2 code, or null when the code names no country. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return null;
  return regionNames.of(code) ?? null;
}

/**
 * Validates an address against `base` (the stored address when updating, nothing when creating): fields
 * the input omits keep their stored value, so an update may send only what changes. Field paths are
 * `['address', <field>]`, as clients send them.
 */
export function readAddressInput(
  input: MailingAddressInput,
  base?: AddressFields,
): { fields: AddressFields; errors: UserError[] } {
  const errors: UserError[] = [];
  const pick = <K extends keyof AddressFields>(key: K) => (input[key] === undefined ? base?.[key] : input[key]);
  const path = (key: keyof AddressFields) => [FIELD, key];

  const countryInput = pick('countryCode')?.trim().toUpperCase() ?? '';
  let countryCode = countryInput;
  if (countryInput === '') {
    errors.push(userError('BLANK', 'Country code can’t be blank.', path('countryCode')));
  } else if (countryName(countryInput) === null) {
    errors.push(userError('INVALID', 'Country code must be an ISO 3166-1 two-letter code, e.g. "CA".', path('countryCode')));
    countryCode = '';
  }

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

/** The address as printable lines, the way Shopify's `formatted` gives them. */
export function formatAddress(address: { [K in keyof AddressFields]?: AddressFields[K] | null }, withName: boolean): string[] {
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
  const locality = [address.city, address.provinceCode, address.zip].filter(Boolean).join(' ');
  return [
    ...(withName && name ? [name] : []),
    ...(address.address1 ? [address.address1] : []),
    ...(address.address2 ? [address.address2] : []),
    ...(locality ? [locality] : []),
    ...(address.countryCode ? [countryName(address.countryCode) ?? address.countryCode] : []),
  ];
}
