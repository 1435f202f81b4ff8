import { defineEntity, p } from '@mikro-orm/postgresql';

export const CART_STATUSES = ['OPEN', 'CHECKING_OUT', 'MERGED', 'EXPIRED', 'COMPLETED'] as const;
export type CartStatus = (typeof CART_STATUSES)[number];

/**
 * A cart. OPEN carts answer and change; a CHECKING_OUT one is being checked out for an order awaiting
 * payment (`checkoutOrderId`): readable, not changed, no longer its customer's open cart, until the order
 * is paid (COMPLETED) or cancelled (OPEN again); a MERGED one points at the cart that took its lines, an
 * EXPIRED one sat idle too long (both answer as not found), a COMPLETED one became a paid order
 * (`completedOrderId`): still readable, never changed again. `customerId` is a customers uuid (no cross-schema key);
 * the destination and the chosen shipping option are snapshots, so totals never need another domain.
 */
const CartSchema = defineEntity({
  name: 'Cart',
  tableName: 'cart',
  properties: {
    id: p.uuid().primary(),
    status: p.enum(CART_STATUSES),
    customerId: p.uuid().nullable(),
    mergedIntoId: p.uuid().nullable(),
    /** The cart's one currency: its lines', or the default market's while it has none. */
    currencyCode: p.string().length(3),
    email: p.text().nullable(),
    buyerCountryCode: p.string().length(2).nullable(),
    shipFirstName: p.text().nullable(),
    shipLastName: p.text().nullable(),
    shipAddress1: p.text().nullable(),
    shipAddress2: p.text().nullable(),
    shipCity: p.text().nullable(),
    shipProvinceCode: p.text().nullable(),
    shipZip: p.text().nullable(),
    shipCountryCode: p.string().length(2).nullable(),
    shipPhone: p.text().nullable(),
    /** Whether shipping offered any option for the address when it was set; null when it could not be asked. */
    shippingServed: p.boolean().nullable(),
    shippingOptionId: p.text().nullable(),
    shippingOptionTitle: p.text().nullable(),
    shippingOptionCarrier: p.text().nullable(),
    shippingOptionPriceMinor: p.integer().nullable(),
    shippingOptionEstimatedDays: p.integer().nullable(),
    /** The title of a selected option a later re-quote no longer offered, until another is chosen. */
    shippingOptionLostTitle: p.text().nullable(),
    /** The parcel (weight, discounted subtotal, currency, destination) the selected option was priced for. */
    shippingQuoteKey: p.text().nullable(),
    /** The orders uuid of the order awaiting payment this cart is being checked out for; set exactly when CHECKING_OUT. */
    checkoutOrderId: p.uuid().nullable(),
    /** When that checkout began; set exactly when CHECKING_OUT. */
    checkoutStartedAt: p.datetime(3).nullable(),
    /** How many changes were written to the cart: checkout hands back the revision it priced. */
    revision: p.integer(),
    /** The orders uuid of the paid order this cart became; set exactly when COMPLETED. */
    completedOrderId: p.uuid().nullable(),
    /** When the order's payment was applied here; set exactly when COMPLETED. */
    completedAt: p.datetime(3).nullable(),
    /** The store (an inventory Location uuid) a till cart is sold at: its stock, not online stock, is checked. Never changes. */
    locationId: p.uuid().nullable(),
    createdAt: p.datetime(3),
    updatedAt: p.datetime(3),
  },
});

export class Cart extends CartSchema.class {}
CartSchema.setClass(Cart);
