import { allow, defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { ShippingRateBand } from './entities/shipping-rate-band.entity.ts';
import { ShippingRate } from './entities/shipping-rate.entity.ts';
import { ShippingZoneRegion } from './entities/shipping-zone-region.entity.ts';
import { ShippingZone } from './entities/shipping-zone.entity.ts';
import { createLoaders, type ShippingLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { seedShipping } from './seed.ts';

/** Shipping zones, rates and carriers, and `Cart.shippingOptions` (PostgreSQL schema `shipping`). */
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
  },
  seed: (ctx) => seedShipping(ctx),
  codegen: {
    contextType: '../context.ts#ShippingContext',
    mappers: {
      Cart: '../cart-ref.ts#CartRef',
      ShippingOption: '../services/shipping-quote.service.ts#PricedOption',
      ShippingZone: '../entities/shipping-zone.entity.ts#ShippingZone',
      ShippingRate: '../entities/shipping-rate.entity.ts#ShippingRate',
      // `\#` escapes the import specifier's own `#` (codegen splits mappers on `#`).
      Money: '\\#kit#MoneyValue',
    },
  },
});
