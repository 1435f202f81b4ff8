/**
 * Stripe's error envelope: `{ error: { type, code?, message, param?, ... } }` with the HTTP status Stripe
 * uses, so the SDK raises the same error class it would against Stripe (it picks the class by status).
 */
export class StripeLocalError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: { type: string; message: string; code?: string; param?: string; [extra: string]: unknown }) {
    super(body.message);
    this.status = status;
    this.body = body;
  }

  toJSON() {
    return { error: this.body };
  }
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`;

export function invalidRequest(message: string, extra: { code?: string; param?: string; status?: number; [extra: string]: unknown } = {}): StripeLocalError {
  const { status = 400, ...rest } = extra;
  return new StripeLocalError(status, {
    type: 'invalid_request_error',
    message,
    ...rest,
    ...(rest.code ? { doc_url: docUrl(rest.code) } : {}),
  });
}

export const missingParam = (param: string) => invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const unknownParam = (param: string) => invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });

/** An id in the URL that names nothing: 404. An id given as a parameter that names nothing: 400 (Stripe's split). */
export function noSuch(kind: string, id: string, param: string, status = 404): StripeLocalError {
  return invalidRequest(`No such ${kind}: '${id}'`, { code: 'resource_missing', param, status });
}

export function unexpectedState(message: string, paymentIntent: object): StripeLocalError {
  return invalidRequest(message, { code: 'payment_intent_unexpected_state', payment_intent: paymentIntent });
}

/** A declined card: 402 `card_error`, carrying the intent as it now stands (the SDK raises StripeCardError). */
export function cardError(error: { code: string; decline_code?: string; message: string; charge: string }, paymentIntent: object): StripeLocalError {
  return new StripeLocalError(402, { type: 'card_error', ...error, doc_url: docUrl(error.code), payment_intent: paymentIntent });
}

export function idempotencyError(message: string): StripeLocalError {
  return new StripeLocalError(400, { type: 'idempotency_error', message });
}
