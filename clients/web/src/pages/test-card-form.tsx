/**
 * Offline payments: a test-card form confirmed by the local Stripe-compatible server through the
 * gateway. 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined. Real card data never goes
 * here: in production the page is in Stripe mode.
 */
import { useState } from 'preact/hooks';
import { confirmLocalCard } from '../../../app-kit/src/payments.ts';
import { formatMoney } from '../../../app-kit/src/money.ts';
import { describeError } from '../api.ts';
import { Field } from '../components/form-field.tsx';
import type { PaymentProps } from './payment-step.tsx';

export function TestCardForm({ clientSecret, amount, onPaid, onDeclined }: PaymentProps) {
  const [card, setCard] = useState({ cardNumber: '', expiry: '', cvc: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof card) => (event: Event) => setCard({ ...card, [name]: (event.currentTarget as HTMLInputElement).value });

  const pay = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await confirmLocalCard({ clientSecret, ...card });
      if (result.status === 'succeeded') return onPaid();
      if (result.status === 'declined') return onDeclined(result.message);
      setError(result.message);
    } catch (failure) {
      setError(describeError(failure));
    }
    setBusy(false);
  };

  return (
    <form class="card-form" onSubmit={pay} aria-describedby="test-card-note">
      <p id="test-card-note" class="hint">
        Test mode: pay with 4242 4242 4242 4242 (any future expiry, any CVC); 4000 0000 0000 0002 is declined.
      </p>
      <Field id="card-number" label="Card number" inputMode="numeric" autoComplete="cc-number" required value={card.cardNumber} onInput={set('cardNumber')} />
      <div class="field-row">
        <Field id="card-expiry" label="Expiry (MM/YY)" autoComplete="cc-exp" placeholder="MM/YY" required value={card.expiry} onInput={set('expiry')} />
        <Field id="card-cvc" label="CVC" inputMode="numeric" autoComplete="cc-csc" required value={card.cvc} onInput={set('cvc')} />
      </div>
      {error && (
        <p class="errors" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Paying…' : `Pay ${formatMoney(amount)}`}
      </button>
    </form>
  );
}
