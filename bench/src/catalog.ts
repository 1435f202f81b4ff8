/**
 * The benchmark's catalog as plain rows: N products of 3 variants each, in the demo's departments and words
 * (subgraphs/products/src/seed-catalog-words.ts), from a fixed PRNG seed, so two runs of one size measure
 * the same data. Titles repeat across products, as in a real shop; handles and SKUs carry a serial number.
 */
import { CATALOG, DESCRIPTION_OPENINGS, GIFTS_CATEGORY, type OptionSet } from '../../subgraphs/products/src/seed-catalog-words.ts';
import { prng, slugify } from '../../subgraphs/products/src/seed-catalog.ts';

export const VARIANTS_PER_PRODUCT = 3;

export interface BenchCategory {
  id: string;
  handle: string;
  title: string;
  description: string;
}

export interface BenchProduct {
  id: string;
  handle: string;
  title: string;
  description: string;
  priceMinMinor: number;
  priceMaxMinor: number;
  createdAt: Date;
  categoryIds: string[];
}

export interface BenchVariant {
  id: string;
  productId: string;
  sku: string;
  title: string;
  priceMinor: number;
  weightGrams: number;
  selectedOptions: { name: string; value: string }[];
  taxClass: 'STANDARD' | 'REDUCED' | 'ZERO';
  position: number;
}

export interface BenchCatalog {
  categories: BenchCategory[];
  products: BenchProduct[];
  variants: BenchVariant[];
}

const FIRST_CREATED_AT = Date.parse('2025-01-06T09:00:00.000Z');
/** Variants of a kind without options still differ in something. */
const EDITION: OptionSet = { name: 'Edition', values: ['Standard', 'Plus', 'Pro'] };

export function buildBenchCatalog(productCount: number, seed = 0xbe7c_4a11): BenchCatalog {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const uuid = () => {
    const hex = Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')).join('');
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const departments = CATALOG.map((words) => ({ words, category: { id: uuid(), handle: words.handle, title: words.title, description: words.description } }));
  const gifts: BenchCategory = { id: uuid(), handle: GIFTS_CATEGORY.handle, title: GIFTS_CATEGORY.title, description: GIFTS_CATEGORY.description };
  const catalog: BenchCatalog = { categories: [...departments.map((d) => d.category), gifts], products: [], variants: [] };

  for (let serial = 1; serial <= productCount; serial++) {
    const { words, category } = departments[serial % departments.length]!;
    const style = pick(words.styles);
    const material = pick(words.materials);
    const kind = pick(words.kinds);
    const title = `${style} ${material} ${kind.noun}`;
    const productId = uuid();
    const basePrice = Math.max(500, Math.round((kind.basePriceCents * (0.8 + random() * 0.7)) / 100) * 100 - 1);
    const step = random() < 0.5 ? 0 : Math.round(kind.basePriceCents / 1000) * 100;
    const options = variantOptions(kind.options.length > 0 ? kind.options : [EDITION], random);
    const prices = options.map((_, position) => basePrice + position * step);
    catalog.products.push({
      id: productId,
      handle: `${slugify(title)}-${serial}`,
      title,
      description: `${pick(DESCRIPTION_OPENINGS)} this ${style.toLowerCase()} ${kind.noun.toLowerCase()} in ${material.toLowerCase()} is made for ${kind.use}. Available in ${options.length} options.`,
      priceMinMinor: Math.min(...prices),
      priceMaxMinor: Math.max(...prices),
      createdAt: new Date(FIRST_CREATED_AT + serial * 3_600_000),
      categoryIds: random() < 0.08 ? [category.id, gifts.id] : [category.id],
    });
    options.forEach((selected, position) => {
      catalog.variants.push({
        id: uuid(),
        productId,
        sku: `${words.handle.slice(0, 3).toUpperCase()}-B${String(serial).padStart(7, '0')}-${position + 1}`,
        title: selected.map((option) => option.value).join(' / '),
        priceMinor: prices[position]!,
        weightGrams: Math.round(kind.weightGrams * (1 + position * 0.04)),
        selectedOptions: selected,
        taxClass: kind.taxClass ?? words.taxClass ?? 'STANDARD',
        position,
      });
    });
  }
  return catalog;
}

/** Three distinct combinations: consecutive values of the first option, with one value of the second. */
function variantOptions(options: readonly OptionSet[], random: () => number): { name: string; value: string }[][] {
  const [first, second] = options as [OptionSet, OptionSet | undefined];
  const start = Math.floor(random() * Math.max(1, first.values.length - VARIANTS_PER_PRODUCT + 1));
  const fixed = second ? { name: second.name, value: second.values[Math.floor(random() * second.values.length)]! } : null;
  return Array.from({ length: VARIANTS_PER_PRODUCT }, (_, i) => {
    const value = first.values[(start + i) % first.values.length]!;
    // A first option with fewer than three values (never, today) would repeat: the position tells them apart.
    const own = first.values.length >= VARIANTS_PER_PRODUCT ? value : `${value} ${i + 1}`;
    return fixed ? [{ name: first.name, value: own }, fixed] : [{ name: first.name, value: own }];
  });
}
