/** What the POS browser test needs besides the browser: items to sell, stock per location, layout checks. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { minor, uuidOf, type Commerce } from '../support/commerce.ts';

export interface Item {
  id: string;
  sku: string;
  productTitle: string;
  priceMinor: number;
}

interface Variant {
  id: string;
  sku: string;
  price: { amount: string };
  quantityAvailable: number;
}

/**
 * The store, the warehouse, and three items of three products with stock online: the cart checks a line
 * against online stock, while the till takes it from the store's shelf (set by the test). The searched
 * item's product is one its own title finds among the first results.
 */
export async function chooseItems(c: Commerce) {
  const locations = (await c.request(`{ locations(first: 10) { nodes { id kind } } }`)).data!.locations.nodes as { id: string; kind: string }[];
  const store = locations.find((location) => location.kind === 'STORE')!;
  const warehouse = locations.find((location) => location.kind === 'WAREHOUSE')!;
  const catalog = await c.request(`{ products(first: 60) { nodes { id title variants(first: 5) { nodes { id sku price { amount } quantityAvailable } } } } }`);
  const products = catalog.data!.products.nodes as { id: string; title: string; variants: { nodes: Variant[] } }[];
  const titles = products.map((product) => product.title);
  const candidates = products
    .filter((product) => titles.indexOf(product.title) === titles.lastIndexOf(product.title))
    .flatMap((product) => {
      const variant = product.variants.nodes.find((node) => node.quantityAvailable >= 5);
      return variant ? [{ productId: product.id, item: { id: variant.id, sku: variant.sku, productTitle: product.title, priceMinor: minor(variant.price.amount) } }] : [];
    });
  let searched: Item | undefined;
  for (const candidate of candidates.slice(1)) {
    const found = await c.request(`query ($q: String!) { products(query: $q, first: 8) { nodes { id } } }`, { q: candidate.item.productTitle });
    if (found.data!.products.nodes.some((node: { id: string }) => node.id === candidate.productId)) {
      searched = candidate.item;
      break;
    }
  }
  const scanned = candidates[0]!.item;
  const pickup = candidates.find((candidate) => candidate.item.id !== scanned.id && candidate.item.id !== searched?.id)!.item;
  expect(searched && scanned && pickup).toBeTruthy();
  return { store, warehouse, scanned, searched: searched!, pickup };
}

/** On hand and reserved of a variant at one location, from inventory's table. */
export async function levelAt(c: Commerce, variantGid: string, locationGid: string): Promise<{ onHand: number; reserved: number }> {
  const [row] = await c.system.subgraphs.inventory!.sql<{ on_hand: number; reserved: number }>(
    'select on_hand, reserved from stock_level where variant_id = ? and location_id = ?',
    [uuidOf(variantGid), uuidOf(locationGid)],
  );
  return { onHand: row?.on_hand ?? 0, reserved: row?.reserved ?? 0 };
}

/** Sets a variant's on-hand at a location with a staff adjustment, as a stock count would. */
export async function setStoreOnHand(c: Commerce, variantGid: string, locationGid: string, units: number): Promise<void> {
  const { onHand } = await levelAt(c, variantGid, locationGid);
  if (onHand === units) return;
  const result = await c.request(
    `mutation ($input: InventoryAdjustQuantityInput!) { inventoryAdjustQuantity(input: $input) { userErrors { code message } } }`,
    { input: { variantId: variantGid, locationId: locationGid, delta: units - onHand, reason: units > onHand ? 'RECEIVED' : 'CORRECTION' } },
    c.staffToken,
  );
  expect(result.data?.inventoryAdjustQuantity.userErrors, JSON.stringify(result)).toEqual([]);
}

/**
 * The page as a touch screen sees it: how far it scrolls sideways (0 is none), and every visible control
 * smaller than 44×44 px (a radio counts by its label, which is what a finger hits).
 */
export async function checkTouchLayout(page: Page): Promise<{ horizontalOverflow: number; targets: number; smallTargets: string[] }> {
  return page.evaluate(TOUCH_LAYOUT);
}

// Page-side source as text: the tests' tsconfig has no DOM types, and this runs only in the browser.
const TOUCH_LAYOUT = `(() => {
  const horizontalOverflow = Math.max(0, document.documentElement.scrollWidth - window.innerWidth);
  const smallTargets = [];
  const controls = document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]');
  for (const element of controls) {
    const target = element.type === 'radio' ? (element.closest('label') ?? element) : element;
    const box = target.getBoundingClientRect();
    const hidden = box.width <= 1 || box.height <= 1 || box.bottom < 0 || getComputedStyle(target).visibility === 'hidden';
    const name = (target.textContent || '').trim() || target.getAttribute('aria-label') || target.id;
    if (!hidden && (box.width < 44 || box.height < 44)) smallTargets.push(target.tagName.toLowerCase() + ' "' + name + '" ' + Math.round(box.width) + 'x' + Math.round(box.height));
  }
  return { horizontalOverflow, targets: controls.length, smallTargets };
})()`;
