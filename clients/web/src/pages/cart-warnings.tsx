/** What changed underneath the shopper (stock, prices, shipping): shown, and read out when it changes. */
import type { Cart } from '../state/cart.ts';

export function CartWarnings({ warnings }: { warnings: Cart['warnings'] }) {
  return (
    <div aria-live="polite">
      {warnings.length > 0 && (
        <section class="warnings" aria-labelledby="warnings-heading">
          <h2 id="warnings-heading">Please review your cart</h2>
          <ul>
            {warnings.map((warning) => (
              <li key={`${warning.code}:${warning.target}`}>{warning.message}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
