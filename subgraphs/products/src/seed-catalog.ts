import type { SelectedOptionValue, TaxClass } from './entities/product-variant.entity.ts';
import { CATALOG, DESCRIPTION_OPENINGS, GIFTS_CATEGORY, type ItemKind, type OptionSet } from './seed-catalog-words.ts';

/**
 * The demo catalog as plain rows, computed from a fixed PRNG seed: every run produces the same products,
 * prices and even ids, so demo links and client examples keep working after a database reset.
 */

export const PRODUCTS_PER_CATEGORY = 200;
/** Products per department of each seed size: `full` is the demo (1,200), `small` keeps flow tests fast (42). */
export const SEED_SIZES = { small: 7, full: PRODUCTS_PER_CATEGORY } as const;
const PRNG_SEED = 0x5eed_c0de;
const FIRST_CREATED_AT = Date.parse('2025-01-06T09:00:00.000Z');

export interface CategoryRow {
  id: string;
  handle: string;
  title: string;
  description: string;
  createdAt: Date;
}

export interface ProductRow {
  id: string;
  handle: string;
  title: string;
  description: string;
  priceMinMinor: number;
  priceMaxMinor: number;
  currencyCode: string;
  status: 'ACTIVE';
  createdAt: Date;
  updatedAt: Date;
}

export interface VariantRow {
  id: string;
  product: string;
  sku: string;
  title: string;
  priceMinor: number;
  currencyCode: string;
  weightGrams: number;
  selectedOptions: SelectedOptionValue[];
  taxClass: TaxClass;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MembershipRow {
  product: string;
  category: string;
}

export interface DemoCatalog {
  categories: CategoryRow[];
  products: ProductRow[];
  variants: VariantRow[];
  memberships: MembershipRow[];
}

/** mulberry32: a tiny, well-distributed 32-bit PRNG; plenty for demo data (the bench's catalog uses it too). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function buildDemoCatalog(productsPerCategory = PRODUCTS_PER_CATEGORY): DemoCatalog {
  const random = prng(PRNG_SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + random() * (high - low);
  const uuid = () => {
    const hex = Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')).join('');
    // Version 4 and RFC 4122 variant bits, so the ids look like any other uuid.
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };

  const catalog: DemoCatalog = { categories: [], products: [], variants: [], memberships: [] };
  const categoryAt = (handle: string, title: string, description: string, index: number): CategoryRow => ({
    id: uuid(),
    handle,
    title,
    description,
    createdAt: new Date(FIRST_CREATED_AT - (index + 1) * 86_400_000),
  });
  const departments = CATALOG.map((department, index) => ({
    department,
    category: categoryAt(department.handle, department.title, department.description, index),
  }));
  const gifts = categoryAt(GIFTS_CATEGORY.handle, GIFTS_CATEGORY.title, GIFTS_CATEGORY.description, CATALOG.length);
  catalog.categories.push(...departments.map((d) => d.category), gifts);

  const handles = new Set<string>();
  let createdAt = FIRST_CREATED_AT;
  let serial = 0;
  for (const { department, category } of departments) {
    const skuPrefix = department.handle.slice(0, 3).toUpperCase();
    for (let made = 0; made < productsPerCategory; ) {
      const style = pick(department.styles);
      const material = pick(department.materials);
      const kind = pick(department.kinds);
      const title = `${style} ${material} ${kind.noun}`;
      const handle = slugify(title);
      if (handles.has(handle)) continue;
      handles.add(handle);
      made++;
      serial++;

      createdAt += Math.floor(between(20, 600)) * 60_000;
      const productId = uuid();
      const basePrice = Math.max(500, Math.round((kind.basePriceCents * between(0.8, 1.5)) / 100) * 100 - 1);
      const step = random() < 0.5 ? 0 : Math.round(kind.basePriceCents / 1000) * 100;
      const combinations = optionCombinations(kind.options, 1 + Math.floor(random() * 4), random);
      const prices = combinations.map((_, position) => basePrice + position * step);
      const when = new Date(createdAt);

      catalog.products.push({
        id: productId,
        handle,
        title,
        description: describe(kind, style, material, pick(DESCRIPTION_OPENINGS), combinations.length),
        priceMinMinor: Math.min(...prices),
        priceMaxMinor: Math.max(...prices),
        currencyCode: 'USD',
        status: 'ACTIVE',
        createdAt: when,
        updatedAt: when,
      });
      combinations.forEach((options, position) => {
        catalog.variants.push({
          id: uuid(),
          product: productId,
          sku: `${skuPrefix}-${String(serial).padStart(5, '0')}-${position + 1}`,
          title: options.length ? options.map((option) => option.value).join(' / ') : 'Default Title',
          priceMinor: prices[position]!,
          currencyCode: 'USD',
          weightGrams: Math.round(kind.weightGrams * between(0.9, 1.1) * (1 + position * 0.04)),
          selectedOptions: options,
          // From the words, not the PRNG, so classifying the catalog leaves every other value as it was.
          taxClass: kind.taxClass ?? department.taxClass ?? 'STANDARD',
          position,
          createdAt: when,
          updatedAt: when,
        });
      });
      catalog.memberships.push({ product: productId, category: category.id });
      if (random() < 0.08) catalog.memberships.push({ product: productId, category: gifts.id });
    }
  }
  return catalog;
}

/**
 * Up to `wanted` distinct option combinations: a few values of the first option (sizes, usually) crossed
 * with one or two of the second (colours), in the option lists' own order.
 */
function optionCombinations(options: readonly OptionSet[], wanted: number, random: () => number): SelectedOptionValue[][] {
  if (options.length === 0) return [[]];
  const choose = (set: OptionSet, count: number) => {
    const start = Math.floor(random() * Math.max(1, set.values.length - count + 1));
    return set.values.slice(start, start + count).map((value) => ({ name: set.name, value }));
  };
  const [first, second] = options as [OptionSet, OptionSet | undefined];
  const secondValues = second ? choose(second, wanted > 2 && random() < 0.5 ? 2 : 1) : [null];
  const firstValues = choose(first, Math.ceil(wanted / secondValues.length));
  const combinations: SelectedOptionValue[][] = [];
  for (const a of firstValues) {
    for (const b of secondValues) combinations.push(b ? [a, b] : [a]);
  }
  return combinations.slice(0, wanted);
}

function describe(kind: ItemKind, style: string, material: string, opening: string, variantCount: number): string {
  const noun = kind.noun.toLowerCase();
  const choice = variantCount > 1 ? ` Available in ${variantCount} options.` : '';
  const [these, are] = kind.plural ? ['these', 'are'] : ['this', 'is'];
  return `${opening} ${these} ${style.toLowerCase()} ${noun} in ${material.toLowerCase()} ${are} made for ${kind.use}.${choice}`;
}

export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
