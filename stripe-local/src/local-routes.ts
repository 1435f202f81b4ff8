/**
 * Routes that do not exist at Stripe: a development and test back door under /_local (no API key; the
 * server listens on 127.0.0.1). They play the parts Stripe's own systems would: the customer's browser
 * confirming a card, and Stripe's webhook sender, whose deliveries a test may order and repeat at will.
 *
 *   GET  /_local/events?type=&object=         events, oldest first (`object`: the id in data.object)
 *   GET  /_local/events/:id/deliveries        every delivery attempt of one event
 *   POST /_local/events/:id/deliver           deliver (again) now; answers with the endpoint's status
 *   POST /_local/payment_intents/:id/succeed  confirm with a test card (?payment_method=, pm_card_visa by
 *                                             default), then deliver payment_intent.succeeded
 *   POST /_local/payment_intents/:id/fail     confirm with a declining card (pm_card_chargeDeclined by
 *                                             default), then deliver payment_intent.payment_failed
 *   POST /_local/payment_intents/:id/confirm  ?client_secret=&payment_method=: what Stripe.js does in a
 *                                             shopper's browser (the gateway's test-card form forwards it):
 *                                             the secret must match, any test card, either outcome
 *   GET  /health/live, /health/ready          for the process supervisor
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAccount } from './account.ts';
import { invalidRequest, noSuch, StripeLocalError } from './errors.ts';
import type { LocalEvent } from './objects.ts';
import { json, send, type LocalHandler } from './router.ts';
import { TEST_CARDS } from './test-cards.ts';
import type { Delivery, WebhookSender } from './webhooks.ts';

export function localRoutes(context: { account: LocalAccount; webhooks: WebhookSender; autoDeliver: boolean }): LocalHandler {
  const { account, webhooks } = context;

  const deliver = async (event: LocalEvent): Promise<Delivery | null> => {
    if (!webhooks.url) return null;
    // Under auto-delivery the event is already on its way; wait for that attempt instead of sending a second.
    return (context.autoDeliver ? webhooks.firstDelivery(event.id) : undefined) ?? webhooks.deliver(event);
  };

  const confirmAndDeliver = async (id: string, paymentMethod: string, outcome: 'succeed' | 'fail', requestId: string) => {
    const card = TEST_CARDS[paymentMethod];
    if (!card || (card.decline !== undefined) !== (outcome === 'fail')) {
      const kind = outcome === 'fail' ? 'a declining' : 'a succeeding';
      throw invalidRequest(`payment_method must be ${kind} test card: ${Object.keys(TEST_CARDS).join(', ')}.`, { param: 'payment_method' });
    }
    try {
      account.confirmPaymentIntent(id, paymentMethod, { requestId, idempotencyKey: null });
    } catch (error) {
      // A decline is this route's purpose when asked to fail; anything else (unknown id, wrong state) is the caller's to see.
      if (!(error instanceof StripeLocalError && error.status === 402)) throw error;
    }
    const type = outcome === 'succeed' ? 'payment_intent.succeeded' : 'payment_intent.payment_failed';
    const event = [...account.events.values()].findLast((candidate) => candidate.type === type && candidate.data.object.id === id)!;
    return { payment_intent: account.paymentIntent(id), event, delivery: await deliver(event) };
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) => {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    let match: RegExpExecArray | null;
    if (method === 'GET' && (path === '/health/live' || path === '/health/ready')) return send(res, 200, json({ status: 'ok' }));

    if (method === 'GET' && path === '/_local/events') {
      const type = url.searchParams.get('type');
      const object = url.searchParams.get('object');
      const data = [...account.events.values()].filter((event) => (!type || event.type === type) && (!object || event.data.object.id === object));
      return send(res, 200, json({ object: 'list', data }));
    }
    if (method === 'GET' && (match = /^\/_local\/events\/([\w]+)\/deliveries$/.exec(path))) {
      account.event(match[1]!);
      return send(res, 200, json({ object: 'list', data: webhooks.deliveries(match[1]!) }));
    }
    if (method === 'POST' && (match = /^\/_local\/events\/([\w]+)\/deliver$/.exec(path))) {
      const event = account.event(match[1]!);
      if (!webhooks.url) throw invalidRequest('No webhook URL is configured: start stripe-local with webhookUrl, or call setWebhookUrl().');
      return send(res, 200, json(await webhooks.deliver(event)));
    }
    if (method === 'POST' && (match = /^\/_local\/payment_intents\/([\w]+)\/confirm$/.exec(path))) {
      const intent = account.paymentIntent(match[1]!);
      if (url.searchParams.get('client_secret') !== intent.client_secret) {
        throw invalidRequest('The client_secret does not match this PaymentIntent.', { param: 'client_secret' });
      }
      const paymentMethod = url.searchParams.get('payment_method') ?? '';
      const outcome = TEST_CARDS[paymentMethod]?.decline ? 'fail' : 'succeed';
      return send(res, 200, json(await confirmAndDeliver(match[1]!, paymentMethod, outcome, requestId)));
    }
    if (method === 'POST' && (match = /^\/_local\/payment_intents\/([\w]+)\/(succeed|fail)$/.exec(path))) {
      const outcome = match[2] as 'succeed' | 'fail';
      const paymentMethod = url.searchParams.get('payment_method') ?? (outcome === 'succeed' ? 'pm_card_visa' : 'pm_card_chargeDeclined');
      return send(res, 200, json(await confirmAndDeliver(match[1]!, paymentMethod, outcome, requestId)));
    }
    throw noSuch('stripe-local route', `${method} ${path}`, 'path');
  };
}
