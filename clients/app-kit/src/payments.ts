/**
 * How the storefront takes a card. The gateway tells the page in a meta tag it adds to index.html:
 * `stripe` with a publishable key (Stripe's Payment Element, loaded from js.stripe.com), or `local`
 * when payments run on the local Stripe-compatible server (no key, no network): a test-card form whose
 * confirmation goes to the gateway's same-origin `/payments/local/confirm`, which forwards it.
 */
export type PaymentsConfig = { mode: 'local' } | { mode: 'stripe'; publishableKey: string } | { mode: 'none' };

export const PAYMENTS_META = 'sgc-payments';
export const LOCAL_CONFIRM_PATH = '/payments/local/confirm';

export function readPaymentsConfig(): PaymentsConfig {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${PAYMENTS_META}"]`)?.content;
  try {
    const parsed = content ? (JSON.parse(content) as PaymentsConfig) : null;
    if (parsed?.mode === 'stripe' && typeof parsed.publishableKey === 'string') return parsed;
    if (parsed?.mode === 'local') return parsed;
  } catch {
    // A malformed tag is the same as none: the page says payments are unavailable.
  }
  return { mode: 'none' };
}

export type LocalConfirmation = { status: 'succeeded' } | { status: 'declined'; message: string } | { status: 'error'; message: string };

/** Confirms the PaymentIntent behind `clientSecret` with a test card number (the local server's cards). */
export async function confirmLocalCard(input: { clientSecret: string; cardNumber: string; expiry: string; cvc: string }): Promise<LocalConfirmation> {
  const response = await fetch(LOCAL_CONFIRM_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientSecret: input.clientSecret, cardNumber: input.cardNumber.replace(/\s+/g, ''), expiry: input.expiry, cvc: input.cvc }),
  });
  const body = (await response.json().catch(() => ({}))) as { status?: string; message?: string };
  if (response.ok && body.status === 'succeeded') return { status: 'succeeded' };
  if (body.status === 'declined') return { status: 'declined', message: body.message ?? 'The card was declined.' };
  return { status: 'error', message: body.message ?? `Payment failed (${response.status}).` };
}
