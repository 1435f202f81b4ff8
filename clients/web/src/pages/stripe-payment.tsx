/**
 * Stripe's Payment Element: Stripe.js from js.stripe.com (the only third-party script, loaded only in
 * this mode), mounted with the PaymentIntent's client secret. Card data goes from Stripe's iframe to
 * Stripe; we see none of it (PCI SAQ-A). Cards needing a redirect come back to the order page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatMoney } from '../../../app-kit/src/money.ts';
import { href } from '../../../app-kit/src/router.ts';
import { orderPath } from '../routes.ts';
import type { PaymentProps } from './payment-step.tsx';

interface StripeElements {
  create(type: 'payment'): { mount(element: HTMLElement): void; destroy(): void };
}
interface StripeJs {
  elements(options: { clientSecret: string }): StripeElements;
  confirmPayment(options: { elements: StripeElements; redirect: 'if_required'; confirmParams: { return_url: string } }): Promise<{ error?: { type?: string; message?: string } }>;
}
declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJs;
  }
}

let stripeScript: Promise<void> | null = null;
function loadStripeJs(): Promise<void> {
  stripeScript ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'https://js.stripe.com/v3';
    script.onload = () => resolve();
    script.onerror = () => {
      stripeScript = null;
      reject(new Error('Stripe could not be loaded.'));
    };
    document.head.append(script);
  });
  return stripeScript;
}

export default function StripePayment({ clientSecret, amount, orderId, onPaid, onDeclined, publishableKey }: PaymentProps & { publishableKey: string }) {
  const mountPoint = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<{ stripe: StripeJs; elements: StripeElements } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let element: ReturnType<StripeElements['create']> | null = null;
    loadStripeJs().then(
      () => {
        const stripe = window.Stripe!(publishableKey);
        const elements = stripe.elements({ clientSecret });
        element = elements.create('payment');
        element.mount(mountPoint.current!);
        setSession({ stripe, elements });
      },
      (failure: Error) => setError(failure.message),
    );
    return () => element?.destroy();
  }, [clientSecret, publishableKey]);

  const pay = async (event: Event) => {
    event.preventDefault();
    if (!session) return;
    setBusy(true);
    setError(null);
    const returnUrl = new URL(href(orderPath(orderId)), window.location.origin).toString();
    const result = await session.stripe.confirmPayment({ elements: session.elements, redirect: 'if_required', confirmParams: { return_url: returnUrl } });
    setBusy(false);
    // A decline cancels the order (see PaymentProps); a validation error leaves the form to correct.
    if (result.error?.type === 'card_error') onDeclined(result.error.message ?? 'The card was declined.');
    else if (result.error) setError(result.error.message ?? 'The payment failed.');
    else onPaid();
  };

  return (
    <form class="card-form" onSubmit={pay}>
      <div ref={mountPoint} class="stripe-element" />
      {error && (
        <p class="errors" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={!session || busy}>
        {busy ? 'Paying…' : `Pay ${formatMoney(amount)}`}
      </button>
    </form>
  );
}
