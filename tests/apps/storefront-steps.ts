/**
 * Steps and checks the storefront's browser test shares: waiting on visible state (playwright-core has no
 * auto-waiting `expect`), filling the address book's form, and what the network log must show.
 */
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { openPage, type NetworkLog, type RecordedRequest } from '../support/apps.ts';
import type { Commerce } from '../support/commerce.ts';

/** Waits for the element to be visible (Playwright's auto-waiting, without @playwright/test's expect). */
export function shown(locator: Locator, timeout = 15_000): Promise<void> {
  return locator.waitFor({ state: 'visible', timeout });
}

/** Waits until the element's text is `expected` (a string: exactly, or contained with `contains`), or matches it. */
export async function hasText(locator: Locator, expected: string | RegExp): Promise<void> {
  const read = async () => ((await locator.textContent({ timeout: 15_000 })) ?? '').trim();
  if (typeof expected === 'string') await expect.poll(read, { timeout: 15_000 }).toContain(expected);
  else await expect.poll(read, { timeout: 15_000 }).toMatch(expected);
}

export async function lacksText(locator: Locator, unexpected: string): Promise<void> {
  await expect.poll(async () => ((await locator.textContent({ timeout: 15_000 })) ?? '').trim(), { timeout: 15_000 }).not.toBe(unexpected);
}

/**
 * Until the page has stopped asking: every request answered and none new for a moment. (Playwright's
 * `networkidle` load state is reached once per document, so it cannot tell when an in-app view is done.)
 */
export async function quiet(page: Page, network: NetworkLog): Promise<void> {
  for (let seen = -1; seen !== network.entries.length; ) {
    seen = network.entries.length;
    await network.settled();
    await page.waitForTimeout(300);
  }
}

/** In the address book: add two (the first becomes the default), switch the default, edit one, delete the other. */
export async function editAddressBook(page: Page): Promise<void> {
  await addAddress(page, { address1: '350 Fifth Avenue', city: 'New York', zip: '10118' });
  await shown(page.getByText('Default address'));
  await addAddress(page, { address1: '1 Main Street', city: 'Buffalo', zip: '14201' });
  await page.getByRole('button', { name: 'Make 1 Main Street the default' }).click();
  await shown(page.getByRole('button', { name: 'Make 350 Fifth Avenue the default' }));
  await page.getByRole('button', { name: 'Edit 1 Main Street' }).click();
  const edit = page.getByRole('form', { name: 'Edit address' });
  await edit.getByLabel('Apartment, suite (optional)').fill('Apt 4');
  await edit.getByRole('button', { name: 'Save address' }).click();
  await shown(page.getByText(/1 Main Street, Apt 4/));
  await page.getByRole('button', { name: 'Delete 350 Fifth Avenue' }).click();
  await page.getByRole('button', { name: 'Delete 350 Fifth Avenue' }).waitFor({ state: 'detached' });
}

async function addAddress(page: Page, address: { address1: string; city: string; zip: string }): Promise<void> {
  await page.getByRole('button', { name: 'Add an address' }).click();
  const form = page.getByRole('form', { name: 'New address' });
  await form.getByLabel('First name').fill('Ada');
  await form.getByLabel('Last name').fill('Shopper');
  await form.getByLabel('Address', { exact: true }).fill(address.address1);
  await form.getByLabel('City').fill(address.city);
  await form.getByLabel('State or province code').fill('NY');
  await form.getByLabel('ZIP or postal code').fill(address.zip);
  await form.getByRole('button', { name: 'Save address' }).click();
  await shown(page.getByRole('button', { name: `Edit ${address.address1}` }));
}

/** The customer's token, as the page keeps it. */
export async function tokenOf(page: Page): Promise<string> {
  return (await page.evaluate(() => localStorage.getItem('storefront.token')))!;
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function withoutOperations<T extends { operations: string[] }>(budget: T): Omit<T, 'operations'> & { operations: string } {
  return { ...budget, operations: budget.operations.join(', ') };
}

/** The listing's cursor paging: next, next, previous lands on page 2 again with the same first product. */
export async function pagesForwardAndBack(page: Page): Promise<void> {
  const firstTile = () => page.getByRole('list').locator('.product-tile h3').first().textContent();
  await page.getByRole('button', { name: 'Next page' }).click();
  await shown(page.getByText(/^Page 2:/));
  const pageTwo = await firstTile();
  await page.getByRole('button', { name: 'Next page' }).click();
  await shown(page.getByText(/^Page 3:/));
  expect(await firstTile()).not.toBe(pageTwo);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await shown(page.getByText(/^Page 2:/));
  await expect.poll(firstTile).toBe(pageTwo);
}

export function assertOnlyPersistedAndOwnAssets(network: NetworkLog): void {
  const offending = network.entries.filter((entry) => !entry.sameOrigin || !['persisted-operation', 'static-asset', 'payment-confirm'].includes(entry.kind));
  expect(offending.map((entry) => `${entry.method} ${entry.url} (${entry.kind}, ${entry.resourceType})`)).toEqual([]);
}

/** A product with two or more variants, all in stock: the one the shopper goes looking for. */
export async function productToBuy(commerce: Commerce) {
  const result = await commerce.request(
    `{ products(first: 50) { nodes { title handle variants(first: 10) { nodes { id title availableForSale quantityAvailable selectedOptions { name value } price { amount currencyCode } } } } } }`,
  );
  const product = result.data!.products.nodes.find(
    (node: any) => node.variants.nodes.length >= 2 && node.variants.nodes.every((variant: any) => variant.availableForSale && variant.quantityAvailable >= 3),
  );
  if (!product) throw new Error('the seed has no product with two variants in stock');
  return product as { title: string; handle: string; variants: { nodes: { id: string; title: string; selectedOptions: { name: string; value: string }[]; price: { amount: string; currencyCode: string } }[] } };
}

/** A shipment for the whole line, then two tracking events, as staff and the carrier would record them. */
export async function ship(commerce: Commerce, orderId: string, orderLineId: string, trackingNumber: string): Promise<void> {
  const created = await commerce.request(
    `mutation ($input: ShipmentCreateInput!) { shipmentCreate(input: $input) { shipment { id } userErrors { code message } } }`,
    { input: { orderId, carrier: 'UPS', trackingNumber, lines: [{ orderLineId, quantity: 1 }] } },
    commerce.staffToken,
  );
  expect(created.data?.shipmentCreate.userErrors, JSON.stringify(created)).toEqual([]);
  const tracked = await commerce.request(
    `mutation ($input: ShipmentTrackingUpdateInput!) { shipmentTrackingUpdate(input: $input) { userErrors { code message } } }`,
    { input: { trackingNumber, status: 'IN_TRANSIT', occurredAt: new Date(Date.now() + 1000).toISOString(), location: 'Memphis, TN' } },
    commerce.staffToken,
  );
  expect(tracked.data?.shipmentTrackingUpdate.userErrors, JSON.stringify(tracked)).toEqual([]);
}

/** Each page opened fresh (a new context, empty cache): its JavaScript and its GraphQL requests. */
export async function coldLoads(browser: Browser, origin: string, handle: string): Promise<Record<string, RecordedRequest[]>> {
  const pages: [string, string, (page: Page) => Promise<unknown>][] = [
    ['home', '/', (page) => shown(page.getByRole('heading', { name: 'New arrivals' }))],
    ['listing', '/products?sort=price-asc', (page) => shown(page.getByText(/^Page 1:/))],
    ['product', `/products/${handle}`, (page) => shown(page.getByRole('button', { name: 'Add to cart' }))],
    ['cart', '/cart', (page) => shown(page.getByText('Your cart is empty.'))],
    ['account', '/account', (page) => shown(page.getByRole('heading', { name: 'Create an account', exact: true }))],
  ];
  const loads: Record<string, RecordedRequest[]> = {};
  for (const [name, path, ready] of pages) {
    const { page, network } = await openPage(browser, origin);
    await page.goto(path);
    await ready(page);
    await quiet(page, network);
    loads[name] = network.entries.slice();
    if (name === 'listing') await pagesForwardAndBack(page);
    await network.settled();
    assertOnlyPersistedAndOwnAssets(network);
    await page.context().close();
  }
  return loads;
}
