import { allow, defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { CartDiscountCode } from './entities/cart-discount-code.entity.ts';
import { CartLine } from './entities/cart-line.entity.ts';
import { Cart } from './entities/cart.entity.ts';
import { DiscountRedemption } from './entities/discount-redemption.entity.ts';
import { Discount } from './entities/discount.entity.ts';
import { TaxRule } from './entities/tax-rule.entity.ts';
import { VariantState } from './entities/variant-state.entity.ts';
import { createLoaders, type CartLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { seedCart } from './seed.ts';
import { expireIdleCarts } from './services/expiry.ts';
import { readIdleDays, type CartSettings } from './settings.ts';
import { onCheckoutAbandoned } from './subscribers/checkout-abandoned.ts';
import { onOrderCancelled } from './subscribers/order-cancelled.ts';
import { onOrderPaid } from './subscribers/order-paid.ts';
import { onProductArchived, onVariantsUpdated } from './subscribers/variant-changes.ts';

const settings: CartSettings = { idleDays: readIdleDays(process.env.CART_IDLE_DAYS) };

/** Carts: lines with catalog snapshots, discounts, taxes and the chosen shipping option (PostgreSQL schema `cart`). */
export const cart = defineSubgraph<CartLoaders>({
  name: 'cart',
  port: 4003,
  schemaPath: new URL('../schema.graphql', import.meta.url),
  entities: [Cart, CartLine, CartDiscountCode, Discount, DiscountRedemption, TaxRule, VariantState],
  migrations,
  createLoaders: (scope) => createLoaders(scope, settings),
  resolvers,
  // Shoppers (guests included) use carts; whose cart it is, services check. Orders reads carts at checkout,
  // and starts (or abandons) a cart's checkout for the order it is making.
  permissions: {
    Query: { cart: allow.anyOf(allow.people, allow.services('orders')) },
    Mutation: {
      cartCreate: allow.people,
      cartLinesAdd: allow.people,
      cartLinesUpdate: allow.people,
      cartLinesRemove: allow.people,
      cartDiscountCodesUpdate: allow.people,
      cartBuyerIdentityUpdate: allow.people,
      cartShippingAddressUpdate: allow.people,
      cartSelectedShippingOptionUpdate: allow.people,
      cartCheckoutStart: allow.services('orders'),
      cartCheckoutAbandon: allow.services('orders'),
    },
  },
  subscribers: {
    'products.variants.updated': onVariantsUpdated,
    'products.product.archived': onProductArchived,
    'orders.order.paid': onOrderPaid,
    'orders.order.cancelled': onOrderCancelled,
    'orders.checkout.abandoned': onCheckoutAbandoned,
  },
  workers: {
    'expire-idle-carts': { cron: '0 * * * *', run: async (ctx) => void (await expireIdleCarts(ctx, settings.idleDays)) },
  },
  calls: ['products', 'inventory', 'shipping'],
  seed: (ctx) => seedCart(ctx),
  codegen: {
    contextType: '../context.ts#CartContext',
    mappers: {
      Cart: '../entities/cart.entity.ts#Cart',
      CartLine: '../entities/cart-line.entity.ts#CartLine',
      Customer: '../refs.ts#CustomerRef',
      Money: '../money.ts#MoneyValue',
    },
  },
});
