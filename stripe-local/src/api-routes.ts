/**
 * The Stripe endpoints this project calls, each reading its parameters as Stripe does (unknown ones
 * refused, with Stripe's messages) before it asks the account to act. Anything else under /v1 answers
 * Stripe's "Unrecognized request URL", so a call the double does not know fails loudly, never quietly.
 */
import type Stripe from 'stripe';
import type { LocalAccount } from './account.ts';
import { checkChargeAmount, readCurrency } from './currency.ts';
import { invalidRequest, missingParam } from './errors.ts';
import { readBoolean, readEnum, readInteger, readMetadata, readString, readStringArray, refuseUnknown, type Params } from './form.ts';
import type { RequestInfo } from './objects.ts';

export interface ApiRoute {
  method: 'GET' | 'POST';
  /** Matched against the path; its groups are the ids in it. */
  path: RegExp;
  run(input: { params: Params; ids: string[]; request: RequestInfo }): object;
}

const ID = '([A-Za-z0-9_]+)';

export function apiRoutes(account: LocalAccount): ApiRoute[] {
  const expandIntent = (intent: Stripe.PaymentIntent, params: Params) =>
    expand(intent, params, { latest_charge: (id) => account.charge(id) });
  const expandRefund = (refund: Stripe.Refund, params: Params) =>
    expand(refund, params, { charge: (id) => account.charge(id), payment_intent: (id) => account.paymentIntent(id) });

  return [
    {
      method: 'POST',
      path: /^\/v1\/payment_intents$/,
      run: ({ params, request }) => {
        refuseUnknown(params, {
          amount: true,
          currency: true,
          metadata: true,
          description: true,
          automatic_payment_methods: { enabled: true, allow_redirects: true },
          // Since API version 2026-09-30.endive, which replaced `payment_method_types` in requests.
          allowed_payment_method_types: true,
          capture_method: true,
          expand: true,
        });
        const amount = readInteger(params, 'amount', { required: true });
        const currency = readCurrency(readString(params, 'currency', { required: true }));
        checkChargeAmount(amount, currency);
        const captureMethod = readEnum(params, 'capture_method', ['automatic', 'automatic_async', 'manual'] as const) ?? 'automatic_async';
        if (captureMethod === 'manual') {
          throw invalidRequest('stripe-local does not implement capture_method=manual; use automatic or automatic_async.', { param: 'capture_method' });
        }
        const automatic = params.automatic_payment_methods;
        const enabled = typeof automatic === 'object' && !Array.isArray(automatic) ? readBoolean(automatic, 'enabled', 'automatic_payment_methods[enabled]') : undefined;
        if (automatic !== undefined && enabled === undefined) throw missingParam('automatic_payment_methods[enabled]');
        const allowed = readStringArray(params, 'allowed_payment_method_types');
        const intent = account.createPaymentIntent(
          {
            amount,
            currency,
            metadata: readMetadata(params) ?? {},
            description: readString(params, 'description') ?? null,
            captureMethod,
            // Automatic payment methods are on unless turned off, as in current API versions.
            automatic: enabled !== false,
            allowedPaymentMethodTypes: allowed ?? null,
          },
          request,
        );
        return expandIntent(intent, params);
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/v1/payment_intents/${ID}$`),
      run: ({ params, ids }) => {
        refuseUnknown(params, { client_secret: true, expand: true });
        return expandIntent(account.paymentIntent(ids[0]!), params);
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^/v1/payment_intents/${ID}/confirm$`),
      run: ({ params, ids, request }) => {
        refuseUnknown(params, { payment_method: true, return_url: true, expand: true });
        return expandIntent(account.confirmPaymentIntent(ids[0]!, readString(params, 'payment_method'), request), params);
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^/v1/payment_intents/${ID}/cancel$`),
      run: ({ params, ids, request }) => {
        refuseUnknown(params, { cancellation_reason: true, expand: true });
        const reason = readEnum(params, 'cancellation_reason', ['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null;
        return expandIntent(account.cancelPaymentIntent(ids[0]!, reason, request), params);
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/refunds$/,
      run: ({ params, request }) => {
        refuseUnknown(params, { payment_intent: true, charge: true, amount: true, reason: true, metadata: true, expand: true });
        const refund = account.createRefund(
          {
            paymentIntent: readString(params, 'payment_intent'),
            charge: readString(params, 'charge'),
            amount: readInteger(params, 'amount'),
            reason: readEnum(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null,
            metadata: readMetadata(params) ?? {},
          },
          request,
        );
        return expandRefund(refund, params);
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/refunds$/,
      run: ({ params }) => {
        refuseUnknown(params, { payment_intent: true, charge: true, limit: true, expand: true });
        const limit = readInteger(params, 'limit') ?? 10;
        if (limit < 1 || limit > 100) throw invalidRequest('Invalid integer: must be between 1 and 100', { param: 'limit' });
        const data = account.listRefunds({ paymentIntent: readString(params, 'payment_intent'), charge: readString(params, 'charge') });
        return { object: 'list', data: data.slice(0, limit), has_more: data.length > limit, url: '/v1/refunds' };
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/v1/refunds/${ID}$`),
      run: ({ params, ids }) => {
        refuseUnknown(params, { expand: true });
        return expandRefund(account.refund(ids[0]!), params);
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/v1/charges/${ID}$`),
      run: ({ params, ids }) => {
        refuseUnknown(params, { expand: true });
        return expand(account.charge(ids[0]!, 'id'), params, { payment_intent: (id) => account.paymentIntent(id) });
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/v1/events/${ID}$`),
      run: ({ params, ids }) => {
        refuseUnknown(params, { expand: true });
        return structuredClone(account.event(ids[0]!));
      },
    },
  ];
}

/** A copy of the object with the `expand[]` fields replaced by the objects they name, as Stripe does. */
function expand<T extends object>(object: T, params: Params, resolvers: Record<string, (id: string) => object>): T {
  const copy = structuredClone(object) as Record<string, unknown>;
  for (const field of readStringArray(params, 'expand') ?? []) {
    const resolve = resolvers[field];
    if (!resolve) throw invalidRequest(`This property cannot be expanded (${field}).`, { param: 'expand' });
    const id = copy[field];
    if (typeof id === 'string') copy[field] = structuredClone(resolve(id));
  }
  return copy as T;
}
