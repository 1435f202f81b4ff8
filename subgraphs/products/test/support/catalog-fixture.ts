import { toGlobalId, type RequestContext } from '#kit';
import { createCategory } from '../../src/services/category-write.service.ts';
import { createProduct, type NewProductInput } from '../../src/services/product-write.service.ts';

/** Where fixtures get a fresh context (as the subgraph itself) per write: a TestSubgraph. */
export interface Contexts {
  context(): RequestContext;
}

export const FIXTURE_CATEGORIES = [
  { handle: 'apparel', title: 'Apparel' },
  { handle: 'footwear', title: 'Footwear' },
  { handle: 'kitchen', title: 'Kitchen' },
];

/** A few products with words worth searching for, in known categories and prices. */
export const NAMED_PRODUCTS: NewProductInput[] = [
  {
    handle: 'merino-wool-sweater',
    title: 'Merino Wool Sweater',
    description: 'A warm knit for cold mornings.',
    categoryHandles: ['apparel'],
    variants: [
      { sku: 'SWEATER-S', priceMinor: 8900, weightGrams: 420, selectedOptions: [{ name: 'Size', value: 'S' }] },
      { sku: 'SWEATER-M', priceMinor: 8900, weightGrams: 450, selectedOptions: [{ name: 'Size', value: 'M' }] },
      { sku: 'SWEATER-XL', priceMinor: 9900, weightGrams: 510, selectedOptions: [{ name: 'Size', value: 'XL' }] },
    ],
  },
  {
    handle: 'trail-running-shoe',
    title: 'Trail Running Shoe',
    description: 'Grippy soles for muddy trails; the upper is merino-lined.',
    categoryHandles: ['footwear', 'apparel'],
    variants: [{ sku: 'SHOE-10', priceMinor: 12950, weightGrams: 640, selectedOptions: [{ name: 'Size', value: '10' }] }],
  },
  {
    handle: 'cast-iron-skillet',
    title: 'Cast Iron Skillet',
    description: 'Sears, bakes and lasts for generations.',
    categoryHandles: ['kitchen'],
    currencyCode: 'EUR',
    variants: [
      { sku: 'SKILLET-10', priceMinor: 4500, weightGrams: 2300 },
      { sku: 'SKILLET-12', priceMinor: 5999, weightGrams: 2900 },
    ],
  },
];

export async function createFixtureCategories(contexts: Contexts): Promise<void> {
  for (const category of FIXTURE_CATEGORIES) await createCategory(contexts.context(), category);
}

/**
 * `count` further products with deliberately colliding titles and prices (to exercise the id tie-break),
 * spread round-robin over the fixture categories.
 */
export function fillerProducts(count: number, prefix = 'filler'): NewProductInput[] {
  return Array.from({ length: count }, (_, i) => ({
    handle: `${prefix}-${i}`,
    title: `Canvas Tote ${String.fromCharCode(65 + (i % 5))}`,
    description: 'A sturdy everyday bag.',
    categoryHandles: [FIXTURE_CATEGORIES[i % FIXTURE_CATEGORIES.length]!.handle],
    variants: [
      { sku: `${prefix}-${i}-a`, priceMinor: 1000 + (i % 7) * 250, weightGrams: 300, selectedOptions: [{ name: 'Color', value: 'Natural' }] },
      { sku: `${prefix}-${i}-b`, priceMinor: 1500 + (i % 7) * 250, weightGrams: 300, selectedOptions: [{ name: 'Color', value: 'Black' }] },
    ],
  }));
}

/** Creates products through the service; returns their global ids in creation order. */
export async function createProducts(contexts: Contexts, inputs: NewProductInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const input of inputs) ids.push(toGlobalId('Product', (await createProduct(contexts.context(), input)).id));
  return ids;
}
