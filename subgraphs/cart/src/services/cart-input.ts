import { tryParseGlobalId, userError, type UserError, readCountryCode } from '#kit';
import { CartErrorCode } from './cart-errors.ts';

/** Limits of one cart, checked here and (quantity) by a CHECK constraint. */
export const MAX_QUANTITY = 999;
export const MAX_LINES = 100;
export const MAX_DISCOUNT_CODES = 10;
const CODE = /^[A-Z0-9_-]{1,64}$/;
const MAX_EMAIL_LENGTH = 254;
// Deliberately loose, as customers' rule: the only real test of an email is a message arriving.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

export interface LineToAdd {
  variantId: string;
  quantity: number;
  /** Its path in the input, for errors found once the cart is locked. */
  field: string[];
}

export interface LineToUpdate {
  lineId: string;
  quantity: number;
  field: string[];
}

export interface BuyerIdentityChange {
  /** undefined keeps the stored value, null clears it. */
  email?: string | null;
  countryCode?: string | null;
}

const invalid = (message: string, field: string[]) => userError(CartErrorCode.INVALID, message, field);

function checkCount(count: number, max: number, field: string[], errors: UserError[], what: string): void {
  if (count === 0 || count > max) errors.push(invalid(`Give 1 to ${max} ${what}.`, field));
}

export function readLinesToAdd(lines: readonly { merchandiseId: string; quantity?: number | null }[], prefix: readonly string[], errors: UserError[]): LineToAdd[] {
  checkCount(lines.length, MAX_LINES, [...prefix], errors, 'lines');
  const read: LineToAdd[] = [];
  lines.forEach((line, index) => {
    const field = [...prefix, String(index)];
    const variantId = tryParseGlobalId(line.merchandiseId, 'ProductVariant');
    if (!variantId) errors.push(invalid('Not a ProductVariant id.', [...field, 'merchandiseId']));
    const quantity = line.quantity ?? 1;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      errors.push(invalid(`A quantity is 1 to ${MAX_QUANTITY}.`, [...field, 'quantity']));
    }
    if (variantId) read.push({ variantId, quantity, field });
  });
  return read;
}

export function readLinesToUpdate(lines: readonly { id: string; quantity: number }[], errors: UserError[]): LineToUpdate[] {
  checkCount(lines.length, MAX_LINES, ['lines'], errors, 'lines');
  const seen = new Set<string>();
  const read: LineToUpdate[] = [];
  lines.forEach((line, index) => {
    const field = ['lines', String(index)];
    const lineId = tryParseGlobalId(line.id, 'CartLine');
    if (!lineId) errors.push(invalid('Not a CartLine id.', [...field, 'id']));
    else if (seen.has(lineId)) errors.push(invalid('This line appears twice.', [...field, 'id']));
    if (!Number.isInteger(line.quantity) || line.quantity < 0 || line.quantity > MAX_QUANTITY) {
      errors.push(invalid(`A quantity is 0 (to remove the line) to ${MAX_QUANTITY}.`, [...field, 'quantity']));
    }
    if (lineId && !seen.has(lineId)) read.push({ lineId, quantity: line.quantity, field });
    if (lineId) seen.add(lineId);
  });
  return read;
}

/** Line ids to remove; a repeated id is removed once. */
export function readLineIds(ids: readonly string[], errors: UserError[]): { lineId: string; field: string[] }[] {
  checkCount(ids.length, MAX_LINES, ['lineIds'], errors, 'line ids');
  const read = new Map<string, string[]>();
  ids.forEach((id, index) => {
    const lineId = tryParseGlobalId(id, 'CartLine');
    if (!lineId) errors.push(invalid('Not a CartLine id.', ['lineIds', String(index)]));
    else if (!read.has(lineId)) read.set(lineId, ['lineIds', String(index)]);
  });
  return [...read].map(([lineId, field]) => ({ lineId, field }));
}

/** Codes as stored: trimmed, upper case, each once, in the order given. */
export function readDiscountCodes(codes: readonly string[], prefix: readonly string[], errors: UserError[]): string[] {
  if (codes.length > MAX_DISCOUNT_CODES) errors.push(invalid(`A cart takes at most ${MAX_DISCOUNT_CODES} discount codes.`, [...prefix]));
  const read: string[] = [];
  codes.forEach((raw, index) => {
    const code = raw.trim().toUpperCase();
    if (!CODE.test(code)) {
      errors.push(invalid('A discount code is 1 to 64 letters, digits, hyphens or underscores.', [...prefix, String(index)]));
    } else if (!read.includes(code)) {
      read.push(code);
    }
  });
  return read;
}

export function readBuyerIdentity(input: { email?: string | null; countryCode?: string | null }, prefix: readonly string[], errors: UserError[]): BuyerIdentityChange {
  const change: BuyerIdentityChange = {};
  if (input.email === null) change.email = null;
  else if (input.email !== undefined) {
    const email = input.email.trim().toLowerCase();
    const field = [...prefix, 'email'];
    if (email === '') change.email = null;
    else if (email.length > MAX_EMAIL_LENGTH) errors.push(userError(CartErrorCode.TOO_LONG, `Email is too long (at most ${MAX_EMAIL_LENGTH} characters).`, field));
    else if (!EMAIL.test(email)) errors.push(invalid('Email is invalid.', field));
    else change.email = email;
  }
  if (input.countryCode === null || input.countryCode?.trim() === '') change.countryCode = null;
  else if (input.countryCode !== undefined) {
    const code = readCountryCode(input.countryCode, [...prefix, 'countryCode'], errors);
    if (code) change.countryCode = code;
  }
  return change;
}
