import { allow, defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { ShippingRateBand } from './entities/shipping-rate-band.entity.ts';
import { ShippingRate } from './entities/shipping-rate.entity.ts';
import { ShippingZoneRegion } from './entities/shipping-zone-region.entity.ts';
import { ShippingZone } from './entities/shipping-zone.entity.ts';
import { createLoaders, type ShippingLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { seedShipping } from './seed.ts';
import { MAIL_ENV, notificationSubscribers, notificationWorker, SEND_NOTIFICATIONS_WORKER } from './notifications/index.ts';

/** Shipping zones, rates and carriers, `Cart.shippingOptions`, and shipments of orders with their tracking (PostgreSQL schema `shipping`). */
export const shipping = defineSubgraph<ShippingLoaders>({
  name: 'shipping',
  port: 4005,
  schemaPath: new URL('../schema.graphql', import.meta.url),
  entities: [ShippingZone, ShippingZoneRegion, ShippingRate, ShippingRateBand],
  migrations,
  createLoaders,
  resolvers,
  permissions: {
    // What the shop ships where is public (partners, the storefront's shipping page). A quote for raw
    // numbers is the cart's alone: it prices the option a shopper selects, with its own service identity.
    Query: { shippingZones: allow.anyone, shippingQuote: allow.services('cart') },
    // Shipping is the warehouse's work. Who sees a shipment is not decided here: `Order.shipments` is
    // reached only through an Order the orders subgraph chose to resolve for the viewer.
    Mutation: { shipmentCreate: allow.staff, shipmentTrackingUpdate: allow.staff },
  },
  // `orderFulfilment`: whether an order may ship, its lines, number and email (shipmentCreate).
  calls: ['orders'],
  // Customer emails (src/notifications): queued in the transaction that applies each event, sent by the
  // worker right after it commits and every few seconds; through SMTP_URL, else as .eml files in MAIL_DIR.
  subscribers: { ...notificationSubscribers },
  workers: { [SEND_NOTIFICATIONS_WORKER]: notificationWorker },
  env: [...MAIL_ENV],
  seed: (ctx) => seedShipping(ctx),
  codegen: {
    contextType: '../context.ts#ShippingContext',
    mappers: {
      Cart: '../cart-ref.ts#CartRef',
      Order: '../order-ref.ts#OrderRef',
      Shipment: '../shipments.ts#Shipment',
      ShipmentLine: '../shipments.ts#ShipmentLine',
      ShipmentEvent: '../shipments.ts#ShipmentEvent',
      ShippingOption: '../services/shipping-quote.service.ts#PricedOption',
      ShippingZone: '../entities/shipping-zone.entity.ts#ShippingZone',
      ShippingRate: '../entities/shipping-rate.entity.ts#ShippingRate',
      // `\#` escapes the import specifier's own `#` (codegen splits mappers on `#`).
      Money: '\\#kit#MoneyValue',
    },
  },
});
