/** The ways the cart can ship to its address, cheapest first; choosing one prices it into the total. */
import { useState } from 'preact/hooks';
import { CartSelectedShippingOptionUpdateDocument } from '../../generated/graphql.ts';
import { api, type UserErrorShape } from '../api.ts';
import { Price } from '../components/price.tsx';
import { UserErrors } from '../components/user-errors.tsx';
import { changeCart, type Cart } from '../state/cart.ts';

export function ShippingOptions({ cart }: { cart: Cart }) {
  const [errors, setErrors] = useState<readonly UserErrorShape[]>([]);
  const [busy, setBusy] = useState(false);
  // The choice shows at once, while the API prices it; the cart's answer then decides.
  const [pending, setPending] = useState<string | null>(null);
  if (!cart.shippingAddress) return null;
  const chosen = pending ?? cart.selectedShippingOption?.id;

  const choose = async (id: string, title: string) => {
    setBusy(true);
    setPending(id);
    setErrors(
      await changeCart(
        () => api.mutate(CartSelectedShippingOptionUpdateDocument, { cartId: cart.id, shippingOptionId: id }).then((data) => data.cartSelectedShippingOptionUpdate),
        `${title} shipping selected.`,
      ),
    );
    setPending(null);
    setBusy(false);
  };

  return (
    <section aria-labelledby="shipping-heading">
      <h2 id="shipping-heading">Shipping method</h2>
      {cart.shippingOptions.length === 0 ? (
        <p>We do not ship to this address yet.</p>
      ) : (
        <fieldset class="shipping-options" disabled={busy}>
          <legend>Choose how it ships</legend>
          {cart.shippingOptions.map((option) => {
            const id = `shipping-${option.id}`.replace(/[^\w-]/g, '_');
            return (
              <div class="radio-row" key={option.id}>
                <input
                  type="radio"
                  id={id}
                  name="shipping-option"
                  checked={chosen === option.id}
                  onChange={() => choose(option.id, option.title)}
                />
                <label for={id}>
                  {option.title} ({option.carrier}
                  {option.estimatedDays ? `, up to ${option.estimatedDays} business days` : ''}): <Price money={option.price} />
                </label>
              </div>
            );
          })}
        </fieldset>
      )}
      <UserErrors errors={errors} />
    </section>
  );
}
