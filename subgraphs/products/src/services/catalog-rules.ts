import { DomainError } from '#kit';
import { isCurrencyCode } from '../currencies.ts';
import { TAX_CLASSES, type SelectedOptionValue, type TaxClass } from '../entities/product-variant.entity.ts';

/**
 * Rules every catalog write checks before the database's own constraints get a say. Each throws a
 * DomainError on the field path it is given, so a service names fields as its caller sent them.
 */

export const HANDLE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_VARIANTS = 100;
/** As in Shopify: more than three options per variant is a sign the product should be split. */
export const MAX_OPTIONS = 3;
const MAX_TEXT = 255;
const MAX_DESCRIPTION = 10_000;
const MAX_SKU = 64;
const INT4_MAX = 2_147_483_647;

/** Codes of the catalog's userErrors, named once. */
export const CatalogErrorCode = {
  INVALID: 'INVALID',
  TAKEN: 'TAKEN',
  NOT_FOUND: 'NOT_FOUND',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
} as const;

const invalid = (message: string, field: readonly string[]) => new DomainError(CatalogErrorCode.INVALID, message, field);

// PostgreSQL text cannot hold NUL; refusing it here keeps it from becoming a 500 in the driver.
const isText = (value: string, max: number) => value.length <= max && !value.includes('\u0000');

export function checkHandle(handle: string, field: readonly string[]): void {
  if (!HANDLE.test(handle) || handle.length > MAX_TEXT) {
    throw invalid('Handles are lower-case letters and digits in words joined by hyphens.', field);
  }
}

/**
 * The handle a title implies when none is given, as Shopify derives it: "Crème Brûlée Set" becomes
 * "creme-brulee-set". Null when the title has no letters or digits to build one from.
 */
export function handleFromTitle(title: string): string | null {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_TEXT)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? null : slug;
}

/** The given handle, checked, or the one derived from the title. */
export function handleOrDerived(handle: string | undefined, title: string, field: readonly string[]): string {
  if (handle !== undefined) {
    checkHandle(handle, field);
    return handle;
  }
  const derived = handleFromTitle(title);
  if (derived === null) throw invalid('No handle can be made from this title; give one.', field);
  return derived;
}

export function checkTitle(title: string, field: readonly string[]): void {
  if (title.trim() === '' || !isText(title, MAX_TEXT)) throw invalid('A title is 1 to 255 characters of text.', field);
}

export function checkDescription(description: string, field: readonly string[]): void {
  if (!isText(description, MAX_DESCRIPTION)) throw invalid(`A description is at most ${MAX_DESCRIPTION} characters of text.`, field);
}

export function checkCurrency(code: string, field: readonly string[]): void {
  if (!isCurrencyCode(code)) throw invalid(`Unsupported currency ${code}.`, field);
}

/** Prices are integer minor units; the range stops where PostgreSQL's integer does. */
export function checkPriceMinor(value: number, field: readonly string[]): void {
  if (!Number.isInteger(value) || value < 0 || value > INT4_MAX) {
    throw invalid('A price is a whole, non-negative number of minor units.', field);
  }
}

export function checkWeightGrams(value: number, field: readonly string[]): void {
  if (!Number.isInteger(value) || value < 0 || value > INT4_MAX) {
    throw invalid('A weight is a whole, non-negative number of grams.', field);
  }
}

export function checkSku(sku: string, field: readonly string[]): void {
  if (sku.trim() === '' || !isText(sku, MAX_SKU)) throw invalid(`A SKU is 1 to ${MAX_SKU} characters.`, field);
}

export function checkTaxClass(value: string, field: readonly string[]): asserts value is TaxClass {
  if (!(TAX_CLASSES as readonly string[]).includes(value)) throw invalid(`A tax class is one of ${TAX_CLASSES.join(', ')}.`, field);
}

export function checkSelectedOptions(options: readonly SelectedOptionValue[], field: readonly string[]): void {
  if (options.length > MAX_OPTIONS) throw invalid(`A variant has at most ${MAX_OPTIONS} options.`, field);
  const names = new Set<string>();
  for (const option of options) {
    if (option.name.trim() === '' || option.value.trim() === '') throw invalid('Option names and values cannot be blank.', field);
    if (!isText(option.name, MAX_TEXT) || !isText(option.value, MAX_TEXT)) {
      throw invalid('Option names and values are at most 255 characters of text.', field);
    }
    if (names.has(option.name)) throw invalid(`Option ${option.name} appears twice.`, field);
    names.add(option.name);
  }
}

/** A variant's title when none is given: its option values ("M / Navy"), as Shopify names variants. */
export function variantTitleOf(options: readonly SelectedOptionValue[]): string {
  return options.length ? options.map((option) => option.value).join(' / ') : 'Default Title';
}
