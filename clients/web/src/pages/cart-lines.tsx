/** The cart's lines: each with its quantity to change (0 or Remove takes it out). */
import { useEffect, useState } from 'preact/hooks';
import { Link } from '../../../app-kit/src/router.ts';
import { CartLinesRemoveDocument, CartLinesUpdateDocument } from '../../generated/graphql.ts';
import { api, type UserErrorShape } from '../api.ts';
import { Price } from '../components/price.tsx';
import { UserErrors } from '../components/user-errors.tsx';
import { productPath } from '../routes.ts';
import { changeCart, type Cart } from '../state/cart.ts';

type Line = Cart['lines'][number];

export function CartLines({ cart }: { cart: Cart }) {
  return (
    <section aria-labelledby="lines-heading">
      <h2 id="lines-heading">Items ({cart.totalQuantity})</h2>
      <ul class="cart-lines">
        {cart.lines.map((line) => (
          <li key={line.id}>
            <CartLineRow cartId={cart.id} line={line} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CartLineRow({ cartId, line }: { cartId: string; line: Line }) {
  const [quantity, setQuantity] = useState(String(line.quantity));
  // The API's answer wins (it may cap a quantity at the stock); the row stays mounted, so focus stays.
  useEffect(() => setQuantity(String(line.quantity)), [line.quantity]);
  const [errors, setErrors] = useState<readonly UserErrorShape[]>([]);
  const [busy, setBusy] = useState(false);
  const name = `${line.merchandise.product.title}${line.merchandise.title === 'Default Title' ? '' : ` (${line.merchandise.title})`}`;
  const inputId = `quantity-${line.id}`.replace(/[^\w-]/g, '_');

  const run = async (change: () => ReturnType<typeof changeCart>) => {
    setBusy(true);
    setErrors(await change());
    setBusy(false);
  };
  const update = (event: Event) => {
    event.preventDefault();
    const value = Number.parseInt(quantity, 10);
    if (!Number.isInteger(value) || value < 0) return setErrors([{ message: 'Enter a quantity of 0 or more.', code: 'INVALID' }]);
    void run(() => changeCart(() => api.mutate(CartLinesUpdateDocument, { cartId, lines: [{ id: line.id, quantity: value }] }).then((data) => data.cartLinesUpdate), `${name}: quantity ${value}.`));
  };
  const remove = () =>
    run(() => changeCart(() => api.mutate(CartLinesRemoveDocument, { cartId, lineIds: [line.id] }).then((data) => data.cartLinesRemove), `${name} removed.`));

  return (
    <article class="cart-line">
      <div>
        <h3>
          <Link href={productPath(line.merchandise.product.handle)}>{name}</Link>
        </h3>
        <p class="hint">
          <Price money={line.cost.amountPerQuantity} /> each
        </p>
      </div>
      <form class="line-quantity" onSubmit={update}>
        <label for={inputId}>Quantity of {name}</label>
        <input id={inputId} type="number" inputMode="numeric" min={0} value={quantity} onInput={(event) => setQuantity(event.currentTarget.value)} />
        <button type="submit" disabled={busy}>
          Update
        </button>
        <button type="button" disabled={busy} onClick={remove} aria-label={`Remove ${name}`}>
          Remove
        </button>
      </form>
      <p class="line-total">
        <Price money={line.cost.totalAmount} />
      </p>
      <UserErrors errors={errors} />
    </article>
  );
}
