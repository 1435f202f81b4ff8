/**
 * `POST /payments/local/confirm`: the storefront's test-card form, when payments run on the local
 * Stripe-compatible server (stripe-local) rather than Stripe. In production Stripe.js confirms the
 * PaymentIntent with Stripe itself; offline this same-origin route plays that part, so the page makes no
 * request outside its origin. It takes a test card number (never a real one: only Stripe's published test
 * numbers are accepted), checks the client secret's shape, and asks stripe-local to confirm with the
 * matching test card, which then sends the webhook like Stripe would. Only mounted in `local` mode.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '#kit/logger.ts';

export const LOCAL_CONFIRM_PATH = '/payments/local/confirm';

/** Stripe's published test numbers (docs.stripe.com/testing) → stripe-local's test PaymentMethods. */
const TEST_NUMBERS: Record<string, string> = {
  '4242424242424242': 'pm_card_visa',
  '4000056655665556': 'pm_card_visa_debit',
  '5555555555554444': 'pm_card_mastercard',
  '378282246310005': 'pm_card_amex',
  '4000000000000002': 'pm_card_chargeDeclined',
  '4000000000009995': 'pm_card_chargeDeclinedInsufficientFunds',
  '4000000000000069': 'pm_card_chargeDeclinedExpiredCard',
};

const MAX_BODY = 4096;

export function localConfirmRoute(stripeLocalUrl: string, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return reply(res, 405, { status: 'error', message: 'POST only.' }, { allow: 'POST' });
    const input = await readJson(req);
    if (!input) return reply(res, 400, { status: 'error', message: 'Send JSON: clientSecret, cardNumber, expiry, cvc.' });
    const secret = typeof input.clientSecret === 'string' ? /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(input.clientSecret) : null;
    if (!secret) return reply(res, 400, { status: 'error', field: 'clientSecret', message: 'The payment is not recognised.' });
    const number = typeof input.cardNumber === 'string' ? input.cardNumber.replace(/[\s-]/g, '') : '';
    const paymentMethod = TEST_NUMBERS[number];
    if (!paymentMethod) return reply(res, 400, { status: 'error', field: 'cardNumber', message: 'Use a test card number, e.g. 4242 4242 4242 4242 (payments are in local test mode).' });
    if (!validExpiry(input.expiry)) return reply(res, 400, { status: 'error', field: 'expiry', message: 'Enter a future expiry date as MM/YY.' });
    if (typeof input.cvc !== 'string' || !/^\d{3,4}$/.test(input.cvc)) return reply(res, 400, { status: 'error', field: 'cvc', message: 'Enter the 3 or 4 digit security code.' });

    const target = new URL(`/_local/payment_intents/${secret[1]}/confirm`, stripeLocalUrl);
    target.searchParams.set('client_secret', input.clientSecret as string);
    target.searchParams.set('payment_method', paymentMethod);
    try {
      const response = await fetch(target, { method: 'POST', signal: AbortSignal.timeout(10_000) });
      const body = (await response.json()) as { payment_intent?: { status: string; last_payment_error?: { message?: string } | null }; error?: { message?: string } };
      const intent = body.payment_intent;
      if (response.ok && intent?.status === 'succeeded') return reply(res, 200, { status: 'succeeded' });
      if (response.ok && intent) return reply(res, 402, { status: 'declined', message: intent.last_payment_error?.message ?? 'The card was declined.' });
      return reply(res, 400, { status: 'error', message: body.error?.message ?? 'The payment could not be confirmed.' });
    } catch (error) {
      log.error({ err: error }, 'stripe-local unreachable');
      return reply(res, 503, { status: 'error', message: 'Payments are unavailable; try again.' });
    }
  };
}

function validExpiry(value: unknown): boolean {
  const match = typeof value === 'string' ? /^\s*(\d{2})\s*\/\s*(\d{2})\s*$/.exec(value) : null;
  if (!match) return false;
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  const now = new Date();
  return month >= 1 && month <= 12 && (year > now.getUTCFullYear() || (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body));
}
