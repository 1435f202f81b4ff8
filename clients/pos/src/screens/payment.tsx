/**
 * Taking payment: cash (the amount tendered, change worked out in integer minor units) or a card present
 * (simulated, as the API's CARD_PRESENT is). The API has the last word: it refuses short tender and
 * answers the change due, which the receipt shows.
 */
import { useState } from 'preact/hooks';
import { formatMoney, fromMinor, toMinor } from '../../../app-kit/src/money.ts';
import { Link, navigate } from '../../../app-kit/src/router.ts';
import type { PosPaymentMethod } from '../../generated/graphql.ts';
import { errorAt, errorsElsewhere, type UserError } from '../api.ts';
import { ErrorText } from '../components/field.tsx';
import { Screen } from '../components/screen.tsx';
import { CashTender } from '../components/cash-tender.tsx';
import type { Sale } from '../sale/use-sale.ts';
import { parseAmountToMinor } from '../tender.ts';

const TENDERED = ['payment', 'tendered'];
const PAYMENT = ['payment'];

export function Payment({ sale }: { sale: Sale }) {
  const [method, setMethod] = useState<PosPaymentMethod>('CASH');
  const [tendered, setTendered] = useState('');
  const [typed, setTyped] = useState<string | undefined>();
  const [errors, setErrors] = useState<UserError[]>([]);
  const cart = sale.cart;

  if (!cart || cart.lines.length === 0) {
    return (
      <Screen title="Payment">
        <p>There is no sale to pay for.</p>
        <Link href="/sale" class="button primary">
          Back to the sale
        </Link>
      </Screen>
    );
  }

  const total = cart.cost.totalAmount;
  const totalMinor = toMinor(total.amount, total.currencyCode) ?? 0;
  const tenderedMinor = parseAmountToMinor(tendered, total.currencyCode);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setTyped(undefined);
    if (method === 'CASH' && tenderedMinor === null) {
      setTyped('Enter the cash handed over, e.g. 20 or 20.00.');
      return;
    }
    const payment = method === 'CASH' ? { method, tendered: { amount: fromMinor(tenderedMinor!, total.currencyCode).amount, currencyCode: total.currencyCode } } : { method };
    const answer = await sale.complete(payment);
    if (!answer) return;
    setErrors(answer.userErrors);
    if (!answer.order) return;
    // One render: the receipt replaces this screen, rather than this screen first finding no sale.
    navigate('/receipt', { replace: true });
    sale.clear();
  }

  const elsewhere = errorsElsewhere(errors, [PAYMENT]);
  return (
    <Screen title="Payment" class="screen payment">
      <p class="due" aria-live="polite">
        To pay: <strong>{formatMoney(total)}</strong>
      </p>
      <form onSubmit={submit} noValidate>
        <fieldset class="methods">
          <legend>Payment method</legend>
          {(['CASH', 'CARD_PRESENT'] as const).map((option) => (
            <label key={option} class="method">
              <input type="radio" name="method" value={option} checked={method === option} onChange={() => {
                  setMethod(option);
                  setErrors([]);
                }} />
              {option === 'CASH' ? 'Cash' : 'Card (present)'}
            </label>
          ))}
        </fieldset>
        {method === 'CASH' ? (
          <CashTender
            totalMinor={totalMinor}
            currencyCode={total.currencyCode}
            value={tendered}
            tenderedMinor={tenderedMinor}
            error={typed ?? errorAt(errors, TENDERED)}
            onChange={(value) => {
              setTendered(value);
              setErrors([]);
              setTyped(undefined);
            }}
          />
        ) : (
          <p class="card-note">
            Ask the shopper to tap, insert or swipe their card on the card terminal. The terminal is simulated: completing the sale
            records it as paid by card; no card is charged by this system.
          </p>
        )}
        <ErrorText message={errorAt(errors, PAYMENT) === errorAt(errors, TENDERED) ? undefined : errorAt(errors, PAYMENT)} />
        <ErrorText message={[...elsewhere.map((error) => error.message), sale.failure].filter(Boolean).join(' ')} />
        {elsewhere.some((error) => error.field?.[0] === 'cartId') && (
          <p>
            <Link href="/sale" class="button secondary">
              Review the sale
            </Link>
          </p>
        )}
        <div class="actions">
          <Link href="/sale" class="button secondary">
            Back to the sale
          </Link>
          <button type="submit" class="button primary" disabled={sale.busy}>
            {sale.busy ? 'Completing…' : `Complete sale · ${formatMoney(total)}`}
          </button>
        </div>
      </form>
    </Screen>
  );
}
