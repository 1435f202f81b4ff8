/**
 * The POS app in a browser at a store's terminal (1024×768, touch), against the production gateway
 * (persisted operations only): a clerk logs in, chooses the store, sells one item scanned by SKU and one
 * found by search for cash, sees the change and the receipt; then hands over an online order collected at
 * the store. The outcome is checked in the database and through the API, every request the page made is
 * checked to be a persisted operation or an asset of its own origin, and the JavaScript shipped and the
 * GraphQL requests per screen are reported (test-artifacts/pos/budgets.json), not asserted.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '#kit/testing/index.ts';
import { minor, paidOrder, register, uuidOf } from '../support/commerce.ts';
import { STAFF } from '../support/supergraph.ts';
import { launchChromium, openPage, pageBudgets, startAppStack, writeArtifact, type AppStack } from '../support/apps.ts';
import { checkTouchLayout, chooseItems, levelAt, setStoreOnHand } from './pos-support.ts';

let stack: AppStack;
let browser: Browser | null;

beforeAll(async () => {
  stack = await startAppStack();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Screenshots in the order the clerk saw them: test-artifacts/pos/NN-step.png. */
function camera(page: Page) {
  let step = 0;
  return async (name: string) => {
    step += 1;
    const file = `${String(step).padStart(2, '0')}-${name}.png`;
    writeArtifact('pos', file, await page.screenshot({ fullPage: true }));
    return file;
  };
}

/**
 * Which screen made each request: the page's path when it was sent (the document's own path for a page
 * load). Recorded by a listener added after openPage's, so it lines up with the network log one to one.
 */
const SCREENS: Record<string, string> = { '/pos/': 'log-in', '/pos/location': 'choose-store', '/pos/sale': 'sale', '/pos/pay': 'payment', '/pos/receipt': 'receipt', '/pos/pickup': 'pickup' };

function screensOf(page: Page): string[] {
  const screens: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.isNavigationRequest() ? request.url() : request.frame().url()).pathname;
    screens.push(SCREENS[path] ?? path);
  });
  return screens;
}

const moneyText = (text: string) => minor(text.replace(/[^\d.]/g, ''));
const usd = (minorUnits: number) => `$${(minorUnits / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

describe('the POS app at a store terminal', () => {
  it('sells a scanned and a searched item for cash with change and a receipt, then hands over an online order; only persisted operations, same origin', async (context) => {
    if (!browser) return context.skip();
    const c = stack.commerce;
    const { store, warehouse, scanned, searched, pickup } = await chooseItems(c);
    await setStoreOnHand(c, scanned.id, store.id, 6);
    await setStoreOnHand(c, searched.id, store.id, 4);
    const before = {
      scanned: { store: await levelAt(c, scanned.id, store.id), warehouse: await levelAt(c, scanned.id, warehouse.id) },
      searched: { store: await levelAt(c, searched.id, store.id), warehouse: await levelAt(c, searched.id, warehouse.id) },
    };

    const { page, network } = await openPage(browser, stack.url, { viewport: { width: 1024, height: 768 }, hasTouch: true, locale: 'en-US', timezoneId: 'UTC' });
    const shoot = camera(page);
    const screenOf = screensOf(page);
    const layouts: Record<string, Awaited<ReturnType<typeof checkTouchLayout>>> = {};
    const heading = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

    // Log in: a wrong password is refused with the API's message, then the staff account gets in.
    await page.goto('/pos/');
    await heading('Staff log-in');
    await page.getByLabel('Email').fill(STAFF.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).tap();
    await page.getByRole('alert').first().waitFor();
    layouts['log-in'] = await checkTouchLayout(page);
    await shoot('log-in-refused');
    await page.getByLabel('Password').fill(STAFF.password);
    await page.getByRole('button', { name: 'Log in' }).tap();

    // Choose the store (remembered by the terminal).
    await heading('Choose the store');
    await page.getByRole('button', { name: /Downtown Store/ }).waitFor();
    layouts['choose-store'] = await checkTouchLayout(page);
    await shoot('choose-store');
    await page.getByRole('button', { name: /Downtown Store/ }).tap();

    // Sale: the scanner types the SKU and Enter; the focus is already in its field.
    await heading('Sale');
    expect(await page.evaluate('document.activeElement?.id')).toBe('sku');
    expect(await page.evaluate(`JSON.parse(localStorage.getItem('pos.terminal'))?.store?.id`)).toBe(store.id);
    await page.keyboard.type(scanned.sku);
    await page.keyboard.press('Enter');
    const lines = page.getByRole('list', { name: 'Items in this sale' }).getByRole('listitem');
    const scannedLine = lines.filter({ hasText: `SKU ${scanned.sku}` });
    await scannedLine.waitFor();
    const free = (level: { onHand: number; reserved: number }) => level.onHand - level.reserved;
    expect(await scannedLine.innerText()).toContain(`Here ${free(before.scanned.store)} · Warehouse ${free(before.scanned.warehouse)}`);
    await scannedLine.getByRole('button', { name: /^One more/ }).tap();
    await scannedLine.getByRole('status', { name: /^Quantity/ }).filter({ hasText: '2' }).waitFor();
    await shoot('sale-scanned');

    // The second item by a search for its title.
    await page.getByLabel('Search products').fill(searched.productTitle);
    await page.getByRole('button', { name: 'Search', exact: true }).tap();
    const result = page.getByRole('listitem').filter({ hasText: `SKU ${searched.sku}` }).first();
    await result.getByRole('button', { name: /^Add / }).tap();
    await lines.filter({ hasText: `SKU ${searched.sku}` }).waitFor();
    const totals = page.getByRole('status', { name: 'Sale total' });
    await totals.filter({ hasText: 'Subtotal (3 items)' }).waitFor();
    layouts.sale = await checkTouchLayout(page);
    await shoot('sale-two-items');
    const total = moneyText(await totals.getByRole('definition').last().innerText());
    expect(total).toBeGreaterThan(scanned.priceMinor * 2 + searched.priceMinor); // the store's tax is on it
    await page.getByRole('button', { name: 'Take payment' }).tap();

    // Cash: short tender is refused by the API next to the field; then enough, with the change worked out.
    await heading('Payment');
    await page.getByLabel('Amount tendered').fill(((total - 1) / 100).toFixed(2));
    await page.getByRole('button', { name: /^Complete sale/ }).tap();
    await page.getByRole('alert').filter({ hasText: 'less than the total' }).waitFor();
    expect(await page.getByLabel('Amount tendered').getAttribute('aria-invalid')).toBe('true');
    await shoot('payment-short-tender');
    const tendered = Math.ceil((total + 1) / 1000) * 1000 + 735;
    await page.getByLabel('Amount tendered').fill((tendered / 100).toFixed(2));
    await page.getByRole('status').filter({ hasText: `Change due: ${usd(tendered - total)}` }).waitFor();
    layouts.payment = await checkTouchLayout(page);
    await shoot('payment-cash');
    await page.getByRole('button', { name: /^Complete sale/ }).tap();

    // The receipt, on screen and as printed.
    await heading('Sale complete');
    const change = page.getByRole('status').filter({ hasText: 'Change due:' });
    expect(await change.innerText()).toContain(usd(tendered - total));
    const receiptText = await page.getByRole('article', { name: 'Receipt' }).innerText();
    expect(receiptText).toContain(scanned.productTitle);
    expect(receiptText).toContain(searched.productTitle);
    const orderNumber = Number(/Order #(\d+)/.exec(receiptText)![1]);
    layouts.receipt = await checkTouchLayout(page);
    await shoot('receipt');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print receipt' }).isVisible()).toBe(false);
    await shoot('receipt-print');
    await page.emulateMedia({ media: 'screen' });
    // Headless Chromium has no print dialog: count the calls instead.
    await page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; };');
    await page.getByRole('button', { name: 'Print receipt' }).tap();
    expect(await page.evaluate('window.printed')).toBe(1);

    // The store's stock dropped by what was sold; the warehouse's did not move.
    await eventually(
      async () => [await levelAt(c, scanned.id, store.id), await levelAt(c, searched.id, store.id)],
      ([a, b]) => a!.onHand === before.scanned.store.onHand - 2 && b!.onHand === before.searched.store.onHand - 1 && a!.reserved === 0 && b!.reserved === 0,
    );
    expect(await levelAt(c, scanned.id, warehouse.id)).toEqual(before.scanned.warehouse);
    expect(await levelAt(c, searched.id, warehouse.id)).toEqual(before.searched.warehouse);
    const sold = (await c.request(`{ orders(first: 5) { nodes { number status channel location { id } payment { method tendered { amount } changeDue { amount } captured { amount } } lines { quantity merchandise { id } } } } }`, {}, c.staffToken)).data!.orders.nodes.find(
      (order: { number: number }) => order.number === orderNumber,
    );
    expect(sold).toMatchObject({ status: 'DELIVERED', channel: 'POS', location: { id: store.id }, payment: { method: 'CASH' } });
    expect([sold.payment.tendered.amount, sold.payment.changeDue.amount, sold.payment.captured.amount].map(minor)).toEqual([tendered, tendered - total, total]);
    expect(sold.lines.map((line: any) => [line.merchandise.id, line.quantity]).sort()).toEqual([[scanned.id, 2], [searched.id, 1]].sort());

    // Pickup: an online order, paid through Stripe (stripe-local), collected at the store by its number.
    const shopper = await register(c.system, 'pos-app-pickup@example.com');
    const { orderId } = await paidOrder(c, [{ merchandiseId: pickup.id, quantity: 1 }], shopper);
    const online = (await c.request(`query ($id: ID!) { order(id: $id) { number status } }`, { id: orderId }, c.staffToken)).data!.order;
    expect(online.status).toBe('PAID');
    await page.getByRole('link', { name: 'Pickup' }).tap();
    await heading('Pickup');
    await page.getByLabel('Order number or id').fill(String(online.number));
    await page.getByRole('button', { name: 'Find order' }).tap();
    await page.getByRole('heading', { name: `Order #${online.number}` }).waitFor();
    expect(await page.getByRole('region', { name: `Order #${online.number}` }).innerText()).toContain(pickup.sku);
    layouts.pickup = await checkTouchLayout(page);
    await shoot('pickup-found');
    await page.getByRole('button', { name: `Hand over order #${online.number}` }).tap();
    await page.getByRole('status').filter({ hasText: `Order #${online.number} handed over` }).waitFor();
    await shoot('pickup-handed-over');

    const collected = (await c.request(`query ($id: ID!) { order(id: $id) { status channel location { id } lines { quantity shippedQuantity } } }`, { id: orderId }, c.staffToken)).data!.order;
    expect(collected).toMatchObject({ status: 'DELIVERED', channel: 'ONLINE', location: { id: store.id }, lines: [{ quantity: 1, shippedQuantity: 1 }] });
    expect(uuidOf(orderId)).toMatch(/^[0-9a-f-]{36}$/);

    // Every request: the page's own origin, a persisted operation or a static asset, nothing else.
    await network.settled();
    const strays = network.entries.filter((entry) => !entry.sameOrigin || !['persisted-operation', 'static-asset'].includes(entry.kind));
    expect(strays, JSON.stringify(strays, null, 2)).toEqual([]);
    expect(network.entries.filter((entry) => entry.kind === 'persisted-operation' && (entry.status ?? 0) >= 400)).toEqual([]);

    // Touch layout: no horizontal scroll at 1024×768, every control at least 44 px.
    for (const [name, layout] of Object.entries(layouts)) {
      expect(layout.horizontalOverflow, name).toBe(0);
      expect(layout.targets, name).toBeGreaterThan(0);
      expect(layout.smallTargets, name).toEqual([]);
    }

    expect(screenOf).toHaveLength(network.entries.length);
    // Every screen, those that made no request included.
    const views: Record<string, typeof network.entries> = Object.fromEntries(Object.values(SCREENS).map((name) => [name, []]));
    network.entries.forEach((entry, index) => (views[screenOf[index]!] ??= []).push(entry));
    const perScreen = pageBudgets(views);
    const scripts = network.entries.filter((entry) => entry.resourceType === 'script');
    const budgets = {
      javascript: {
        files: scripts.map((entry) => new URL(entry.url).pathname),
        transferBytes: scripts.reduce((sum, entry) => sum + (entry.transferBytes ?? 0), 0),
        decodedBytes: scripts.reduce((sum, entry) => sum + (entry.decodedBytes ?? 0), 0),
      },
      perScreen,
      totalRequests: network.entries.length,
    };
    writeArtifact('pos', 'budgets.json', `${JSON.stringify(budgets, null, 2)}\n`);
    console.log(`POS budgets: ${JSON.stringify(budgets, null, 2)}`);
  }, 180_000);
});

