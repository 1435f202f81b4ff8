/** Discount codes: apply one (WELCOME10), see whether each applies, remove one. Refusals are shown. */
import { useState } from 'preact/hooks';
import { CartDiscountCodesUpdateDocument } from '../../generated/graphql.ts';
import { api, type UserErrorShape } from '../api.ts';
import { Field } from '../components/form-field.tsx';
import { UserErrors } from '../components/user-errors.tsx';
import { changeCart, type Cart } from '../state/cart.ts';

export function CartDiscount({ cart }: { cart: Cart }) {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<readonly UserErrorShape[]>([]);
  const [busy, setBusy] = useState(false);
  const codes = cart.discountCodes.map((entry) => entry.code);

  const update = async (discountCodes: string[], done: string) => {
    setBusy(true);
    const result = await changeCart(
      () => api.mutate(CartDiscountCodesUpdateDocument, { cartId: cart.id, discountCodes }).then((data) => data.cartDiscountCodesUpdate),
      done,
    );
    setErrors(result);
    setBusy(false);
    return result;
  };
  const apply = async (event: Event) => {
    event.preventDefault();
    const wanted = code.trim();
    if (!wanted) return setErrors([{ message: 'Enter a discount code.', code: 'BLANK' }]);
    const result = await update([...codes.filter((existing) => existing.toLowerCase() !== wanted.toLowerCase()), wanted], `Discount code ${wanted} applied.`);
    if (result.length === 0) setCode('');
  };

  return (
    <section aria-labelledby="discount-heading">
      <h2 id="discount-heading">Discount code</h2>
      <form class="inline-form" onSubmit={apply}>
        <Field id="discount-code" label="Discount code" value={code} autoComplete="off" onInput={(event) => setCode(event.currentTarget.value)} />
        <button type="submit" disabled={busy}>
          Apply
        </button>
      </form>
      <UserErrors errors={errors} />
      {cart.discountCodes.length > 0 && (
        <ul class="discount-codes">
          {cart.discountCodes.map((entry) => (
            <li key={entry.code}>
              <span class="code">{entry.code}</span> {entry.applicable ? 'applied' : 'does not apply to this cart'}{' '}
              <button
                type="button"
                class="link-button"
                disabled={busy}
                aria-label={`Remove discount code ${entry.code}`}
                onClick={() => update(codes.filter((existing) => existing !== entry.code), `Discount code ${entry.code} removed.`)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
