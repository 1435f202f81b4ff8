import { allow, defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { OrderLine } from './entities/order-line.entity.ts';
import { Order } from './entities/order.entity.ts';
import { createLoaders, type OrdersLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { stripeWebhookRoute } from './services/stripe-webhook.service.ts';
import { stripeSettings } from './stripe.ts';

/** Checkout, orders, their payment (Stripe) and status (PostgreSQL schema `orders`). */
export const orders = defineSubgraph<OrdersLoaders>({
  name: 'orders',
  port: 4004,
  schemaPath: new URL('../schema.graphql', import.meta.url),
  entities: [Order, OrderLine],
  migrations,
  createLoaders,
  resolvers,
  permissions: {
    // Guests check out too; whose cart and whose order it is, the services check.
    Query: { order: allow.people },
    Mutation: { checkoutComplete: allow.people },
  },
  // The cart to check out; stock reservations; the lines' titles (ProductVariant `_entities`).
  calls: ['cart', 'inventory', 'products'],
  env: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
  routes: ({ log, context }) => {
    // STRIPE_SECRET_KEY, STRIPE_API_URL, STRIPE_WEBHOOK_SECRET: read here, at start, so a bad value stops the process.
    stripeSettings();
    return { '/webhooks/stripe': stripeWebhookRoute({ log, context: () => context() }) };
  },
  codegen: {
    contextType: '../context.ts#OrdersContext',
    mappers: {
      Order: '../entities/order.entity.ts#Order',
      OrderLine: '../entities/order-line.entity.ts#OrderLine',
      Customer: '../refs.ts#CustomerRef',
      // `\#` escapes the import specifier's own `#` (codegen splits mappers on `#`).
      Money: '\\#kit#MoneyValue',
    },
  },
});
