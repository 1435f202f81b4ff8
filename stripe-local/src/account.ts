/**
 * One Stripe test-mode account, in memory: a Map per object type, and the transitions Stripe makes.
 * A development and test double for a remote service, like Stripe's own stripe-mock, so nothing here is
 * durable: a restart starts an empty account. Every change records an Event, handed to `onEvent`.
 *
 * Each operation runs synchronously from start to end, so two requests never interleave inside one:
 * that is what keeps concurrent refunds from passing the same "remaining amount" check.
 */
import type Stripe from 'stripe';
import { formatAmount } from './currency.ts';
import { cardError, invalidRequest, noSuch, unexpectedState } from './errors.ts';
import { newId, nowSeconds } from './ids.ts';
import { chargeObject, eventObject, paymentIntentObject, refundObject, type LocalEvent, type NewPaymentIntent, type RequestInfo } from './objects.ts';

import { TEST_CARDS, type TestCard } from './test-cards.ts';

const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];
const CONFIRMABLE = ['requires_confirmation', 'requires_payment_method', 'requires_action'];

export interface NewRefund {
  paymentIntent?: string;
  charge?: string;
  amount?: number;
  reason: Stripe.Refund.Reason | null;
  metadata: Record<string, string>;
}

export class LocalAccount {
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly refunds = new Map<string, Stripe.Refund>();
  /** PaymentMethods made from test tokens at confirmation (`pm_card_visa` → `pm_...`), as Stripe does. */
  readonly paymentMethods = new Map<string, TestCard>();
  readonly events = new Map<string, LocalEvent>();
  private readonly apiVersion: string;
  private readonly onEvent: (event: LocalEvent) => void;

  constructor(options: { apiVersion: string; onEvent: (event: LocalEvent) => void }) {
    this.apiVersion = options.apiVersion;
    this.onEvent = options.onEvent;
  }

  createPaymentIntent(input: NewPaymentIntent, request: RequestInfo): Stripe.PaymentIntent {
    const intent = paymentIntentObject(input);
    this.paymentIntents.set(intent.id, intent);
    this.emit('payment_intent.created', intent, request);
    return intent;
  }

  paymentIntent(id: string, param = 'intent', status = 404): Stripe.PaymentIntent {
    const intent = this.paymentIntents.get(id);
    if (!intent) throw noSuch('payment_intent', id, param, status);
    return intent;
  }

  /**
   * Charges the test card: the intent succeeds, or, declined, returns to `requires_payment_method` with
   * `last_payment_error` and the call fails with a 402 card error, as at Stripe.
   */
  confirmPaymentIntent(id: string, paymentMethod: string | undefined, request: RequestInfo): Stripe.PaymentIntent {
    const intent = this.paymentIntent(id);
    if (intent.status === 'succeeded') {
      throw unexpectedState('You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.', snapshot(intent));
    }
    if (!CONFIRMABLE.includes(intent.status)) {
      throw unexpectedState(
        `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
        snapshot(intent),
      );
    }
    const given = paymentMethod ?? intent.payment_method;
    if (typeof given !== 'string') {
      throw unexpectedState(
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
        snapshot(intent),
      );
    }
    const card = this.cardFor(given);
    if (!intent.payment_method_types.includes('card')) {
      throw invalidRequest(
        `The PaymentMethod provided (card) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: ${intent.payment_method_types.join(', ')}. Alternatively update allowed_payment_method_types for this PaymentIntent to include "card".`,
        { code: 'payment_intent_incompatible_payment_method', param: 'payment_method' },
      );
    }
    const methodId = given in TEST_CARDS ? newId('pm') : given;
    this.paymentMethods.set(methodId, card);
    const charge = chargeObject(intent, methodId, card);
    this.charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    if (card.decline) {
      intent.status = 'requires_payment_method';
      intent.payment_method = null;
      const error = { charge: charge.id, code: card.decline.code, decline_code: card.decline.decline_code, message: card.decline.message };
      intent.last_payment_error = { ...error, type: 'card_error', doc_url: `https://stripe.com/docs/error-codes/${card.decline.code.replaceAll('_', '-')}` };
      this.emit('charge.failed', charge, request);
      this.emit('payment_intent.payment_failed', intent, request);
      throw cardError(error, snapshot(intent));
    }
    intent.status = 'succeeded';
    intent.payment_method = methodId;
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    this.emit('charge.succeeded', charge, request);
    this.emit('payment_intent.succeeded', intent, request);
    return intent;
  }

  cancelPaymentIntent(id: string, reason: Stripe.PaymentIntent.CancellationReason | null, request: RequestInfo): Stripe.PaymentIntent {
    const intent = this.paymentIntent(id);
    if (!CANCELABLE.includes(intent.status)) {
      throw unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
        snapshot(intent),
      );
    }
    intent.status = 'canceled';
    intent.canceled_at = nowSeconds();
    intent.cancellation_reason = reason;
    this.emit('payment_intent.canceled', intent, request);
    return intent;
  }

  /** Never more than was captured minus what was refunded before; the whole rest when no amount is given. */
  createRefund(input: NewRefund, request: RequestInfo): Stripe.Refund {
    const charge = this.refundableCharge(input);
    const remaining = charge.amount_captured - charge.amount_refunded;
    if (remaining === 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
    const amount = input.amount ?? remaining;
    if (amount <= 0) throw invalidRequest('Invalid positive integer', { code: 'parameter_invalid_integer', param: 'amount' });
    if (amount > remaining) {
      // Stripe sends no `code` for this one: type invalid_request_error, param amount, and this message.
      throw invalidRequest(
        `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
        { param: 'amount' },
      );
    }
    const refund = refundObject(charge, { amount, reason: input.reason, metadata: input.metadata });
    this.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount_captured;
    this.emit('refund.created', refund, request);
    this.emit('charge.refunded', charge, request);
    return refund;
  }

  /** Refunds newest first, as Stripe lists them, optionally of one PaymentIntent or charge. */
  listRefunds(filter: { paymentIntent?: string | undefined; charge?: string | undefined }): Stripe.Refund[] {
    return [...this.refunds.values()]
      .filter((refund) => (!filter.paymentIntent || refund.payment_intent === filter.paymentIntent) && (!filter.charge || refund.charge === filter.charge))
      .reverse()
      .map(snapshot);
  }

  refund(id: string): Stripe.Refund {
    const refund = this.refunds.get(id);
    if (!refund) throw noSuch('refund', id, 'id');
    return refund;
  }

  charge(id: string, param = 'charge', status = 404): Stripe.Charge {
    const charge = this.charges.get(id);
    if (!charge) throw noSuch('charge', id, param, status);
    return charge;
  }

  event(id: string): LocalEvent {
    const event = this.events.get(id);
    if (!event) throw noSuch('event', id, 'id');
    return event;
  }

  private refundableCharge(input: NewRefund): Stripe.Charge {
    if (input.charge) {
      const charge = this.charge(input.charge, 'charge', 400);
      if (input.paymentIntent && charge.payment_intent !== input.paymentIntent) {
        throw invalidRequest(`Charge ${charge.id} does not belong to PaymentIntent ${input.paymentIntent}.`, { param: 'charge' });
      }
      if (charge.status !== 'succeeded') throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, { param: 'charge' });
      return charge;
    }
    if (!input.paymentIntent) throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.');
    const intent = this.paymentIntent(input.paymentIntent, 'payment_intent', 400);
    const charge = intent.status === 'succeeded' && typeof intent.latest_charge === 'string' ? this.charges.get(intent.latest_charge) : undefined;
    if (!charge) throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, { param: 'payment_intent' });
    return charge;
  }

  private cardFor(paymentMethod: string): TestCard {
    const card = TEST_CARDS[paymentMethod] ?? this.paymentMethods.get(paymentMethod);
    if (!card) throw noSuch('PaymentMethod', paymentMethod, 'payment_method', 400);
    return card;
  }

  private emit<E extends LocalEvent>(type: E['type'], object: E['data']['object'], request: RequestInfo): void {
    const event = eventObject<E>(type, object, { apiVersion: this.apiVersion, request });
    this.events.set(event.id, event);
    this.onEvent(event);
  }
}

/** What an error carries: the object as it stands, not a live reference that later changes would alter. */
const snapshot = <T>(object: T): T => structuredClone(object);
