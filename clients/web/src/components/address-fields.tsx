/**
 * The fields of a postal address, shared by the cart's shipping form and the address book. Countries:
 * where the demo shop ships (the US, Canada, the EU) and one it does not, so its warning can be seen.
 */
import type { MailingAddressInput } from '../../generated/graphql.ts';
import type { UserErrorShape } from '../api.ts';
import { fieldError } from './user-errors.tsx';
import { Field } from './form-field.tsx';

export const COUNTRIES: [code: string, name: string][] = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['IE', 'Ireland'],
  ['IT', 'Italy'],
  ['NL', 'Netherlands'],
  ['ES', 'Spain'],
  ['GB', 'United Kingdom'],
];

export type AddressValues = Required<{ [K in keyof MailingAddressInput]: string }>;

export const emptyAddress = (): AddressValues => ({
  firstName: '',
  lastName: '',
  address1: '',
  address2: '',
  city: '',
  provinceCode: '',
  zip: '',
  countryCode: 'US',
  phone: '',
});

/** An address from the API (nulls for blanks) as form values. */
export function toValues(address: Partial<Record<keyof AddressValues, string | null>> | null | undefined): AddressValues {
  const values = emptyAddress();
  for (const key of Object.keys(values) as (keyof AddressValues)[]) values[key] = address?.[key] ?? values[key];
  return values;
}

/** Blank optional fields go as null; the API validates the rest and answers userErrors. */
export function toInput(values: AddressValues): MailingAddressInput {
  const input: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(values)) input[key] = value.trim() || null;
  return input as MailingAddressInput;
}

interface Props {
  prefix: string;
  values: AddressValues;
  errors: readonly UserErrorShape[];
  onChange(values: AddressValues): void;
}

export function AddressFields({ prefix, values, errors, onChange }: Props) {
  const field = (name: keyof AddressValues, label: string, extra: Record<string, unknown> = {}) => (
    <Field
      id={`${prefix}-${name}`}
      label={label}
      value={values[name]}
      error={fieldError(errors, name)}
      onInput={(event) => onChange({ ...values, [name]: event.currentTarget.value })}
      {...extra}
    />
  );
  return (
    <div class="address-fields">
      {field('firstName', 'First name', { autoComplete: 'given-name' })}
      {field('lastName', 'Last name', { autoComplete: 'family-name' })}
      {field('address1', 'Address', { autoComplete: 'address-line1', required: true })}
      {field('address2', 'Apartment, suite (optional)', { autoComplete: 'address-line2' })}
      {field('city', 'City', { autoComplete: 'address-level2', required: true })}
      {field('provinceCode', 'State or province code', { autoComplete: 'address-level1', hint: 'For example NY or ON.' })}
      {field('zip', 'ZIP or postal code', { autoComplete: 'postal-code' })}
      <div class="field">
        <label for={`${prefix}-countryCode`}>Country</label>
        <select
          id={`${prefix}-countryCode`}
          autoComplete="country"
          value={values.countryCode}
          onChange={(event) => onChange({ ...values, countryCode: event.currentTarget.value })}
        >
          {COUNTRIES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {field('phone', 'Phone (optional)', { type: 'tel', autoComplete: 'tel' })}
    </div>
  );
}
