/** How the card is taken, as the gateway configured the page: Stripe's Payment Element or the local test-card form. */
import type { Money } from '../../../app-kit/src/money.ts';
import type { PaymentsConfig } from '../../../app-kit/src/payments.ts';
import { lazyComponent } from '../lazy-page.tsx';
import { TestCardForm } from './test-card-form.tsx';

export interface PaymentProps {
  clientSecret: string;
  amount: Money;
  orderId: string;
  onPaid(): void;
  /**
   * The card was declined. The API then cancels the order and its PaymentIntent (the cart reopens), so
   * the checkout places a new order for the next card rather than retrying this intent.
   */
  onDeclined(message: string): void;
}

// Only a page in Stripe mode downloads this chunk, and only it loads js.stripe.com.
const StripePayment = lazyComponent(() => import('./stripe-payment.tsx'));

export function PaymentStep({ config, ...props }: PaymentProps & { config: PaymentsConfig }) {
  if (config.mode === 'stripe') return <StripePayment {...props} publishableKey={config.publishableKey} />;
  if (config.mode === 'local') return <TestCardForm {...props} />;
  return (
    <p role="alert">
      Payments are not available right now. Your order is saved: come back to this page to pay it.
    </p>
  );
}
