/**
 * Where the cart ships (its options and taxes follow), and for a guest the email the confirmation goes
 * to. A signed-in customer's cart already knows their email.
 */
import { useState } from 'preact/hooks';
import { CartBuyerIdentityUpdateDocument, CartShippingAddressUpdateDocument } from '../../generated/graphql.ts';
import { api, type UserErrorShape } from '../api.ts';
import { AddressFields, toInput, toValues } from '../components/address-fields.tsx';
import { Field } from '../components/form-field.tsx';
import { UserErrors } from '../components/user-errors.tsx';
import { changeCart, type Cart } from '../state/cart.ts';
import { session } from '../state/session.ts';

export function ShippingAddressForm({ cart }: { cart: Cart }) {
  const [values, setValues] = useState(() => toValues(cart.shippingAddress));
  const [email, setEmail] = useState(cart.buyerIdentity.email ?? '');
  const [errors, setErrors] = useState<readonly UserErrorShape[]>([]);
  const [busy, setBusy] = useState(false);
  const guest = !session.get().token;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    let result: readonly UserErrorShape[] = [];
    if (guest && email.trim() && email.trim() !== cart.buyerIdentity.email) {
      result = await changeCart(
        () => api.mutate(CartBuyerIdentityUpdateDocument, { cartId: cart.id, buyerIdentity: { email: email.trim(), countryCode: values.countryCode } }).then((data) => data.cartBuyerIdentityUpdate),
        'Email saved.',
      );
    }
    if (result.length === 0) {
      result = await changeCart(
        () => api.mutate(CartShippingAddressUpdateDocument, { cartId: cart.id, address: toInput(values) }).then((data) => data.cartShippingAddressUpdate),
        'Shipping address saved. Choose a shipping method.',
      );
    }
    setErrors(result);
    setBusy(false);
  };

  return (
    <section aria-labelledby="address-heading">
      <h2 id="address-heading">Shipping address</h2>
      <form class="address-form" onSubmit={submit}>
        {guest && <Field id="buyer-email" label="Email for the order confirmation" type="email" autoComplete="email" value={email} onInput={(event) => setEmail(event.currentTarget.value)} />}
        <AddressFields prefix="ship" values={values} errors={errors} onChange={setValues} />
        <UserErrors errors={errors} />
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save address'}
        </button>
      </form>
    </section>
  );
}
