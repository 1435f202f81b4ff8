import { allow, defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { OrderLine } from './entities/order-line.entity.ts';
import { Order } from './entities/order.entity.ts';
import { createLoaders, type OrdersLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { onShipmentDelivered, onShipmentShipped } from './services/fulfilment.service.ts';
import { releaseAbandonedCheckouts } from './services/checkout.service.ts';
import { expireUnpaidOrders } from './services/order-cancel.service.ts';
import { retryPendingRefunds } from './services/refund.service.ts';
import { stripeWebhookRoute } from './services/stripe-webhook.service.ts';
import { stripeSettings } from './stripe.ts';

/** Checkout, orders, their payment (Stripe), refunds, returns, risk and status (PostgreSQL schema `orders`). */
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
    Query: { order: allow.people, orderByNumber: allow.people, orders: allow.staff, orderFulfilment: allow.services('shipping') },
    Mutation: {
      checkoutComplete: allow.people,
      orderCancel: allow.staff,
      orderRefund: allow.staff,
      orderRiskApprove: allow.staff,
      // A store's till: the clerk sells a cart and hands it over; and hands over online orders picked up there.
      posCheckoutComplete: allow.staff,
      orderPickUp: allow.staff,
      // The customer who placed the order (or staff on their behalf): the service checks whose it is.
      returnRequest: allow.signedIn,
      returnApprove: allow.staff,
      returnDecline: allow.staff,
      returnReceive: allow.staff,
    },
  },
  subscribers: {
    'shipping.shipment.shipped': onShipmentShipped,
    'shipping.shipment.delivered': onShipmentDelivered,
  },
  workers: {
    'expire-unpaid-orders': { cron: '* * * * *', run: async (ctx) => void (await expireUnpaidOrders(ctx)) },
    'retry-pending-refunds': { cron: '* * * * *', run: retryPendingRefunds },
    // A checkout that died before its order existed: its cart (CHECKING_OUT) and stock given back.
    'release-abandoned-checkouts': { cron: '* * * * *', run: async (ctx) => void (await releaseAbandonedCheckouts(ctx)) },
  },
  // The cart to check out (read, then detached for the order: cartCheckoutStart/Abandon); stock reservations and stores (Location `_entities`); the lines' titles (ProductVariant `_entities`); the account email.
  calls: ['cart', 'inventory', 'products', 'customers'],
  env: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_URL', 'PAYMENT_TIMEOUT_MINUTES'],
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
      OrderRefund: '../services/refund.service.ts#RefundRow',
      OrderReturn: '../services/returns.service.ts#ReturnRow',
      OrderReturnLine: '../loaders.ts#ReturnLineRow',
      Customer: '../refs.ts#CustomerRef',
      // `\#` escapes the import specifier's own `#` (codegen splits mappers on `#`).
      Money: '\\#kit#MoneyValue',
    },
  },
});
