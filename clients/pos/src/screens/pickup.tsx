/**
 * Collecting an online order at the store: find it by number or id, check its lines with the shopper,
 * hand it over. The API decides whether it can be collected (paid, not held, not shipped) and says why not.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { OrderPickUpDocument } from '../../generated/graphql.ts';
import { describeFailure, staff } from '../api.ts';
import { ErrorText, Field } from '../components/field.tsx';
import { Screen } from '../components/screen.tsx';
import { PickupDetails } from '../components/pickup-details.tsx';
import { findOrder, parseOrderReference, type PickupOrder } from '../pickup/find-order.ts';
import type { Terminal } from '../session.ts';

export function Pickup({ terminal }: { terminal: Terminal }) {
  const [typed, setTyped] = useState('');
  const [lookupError, setLookupError] = useState<string | undefined>();
  const [order, setOrder] = useState<PickupOrder | null>(null);
  const [handOverError, setHandOverError] = useState<string | null>(null);
  const [handedOver, setHandedOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);

  // The hand-over button goes once the order is handed over: focus follows to what replaced it.
  useEffect(() => {
    if (handedOver) done.current?.focus();
  }, [handedOver]);

  async function lookUp(event: SubmitEvent) {
    event.preventDefault();
    setOrder(null);
    setHandedOver(false);
    setHandOverError(null);
    const reference = parseOrderReference(typed);
    if (!reference) {
      setLookupError('Enter an order number (e.g. 1042) or the order id.');
      return;
    }
    setLookupError(undefined);
    setBusy(true);
    try {
      const found = await findOrder(reference);
      if (typeof found === 'string') setLookupError(found);
      else setOrder(found);
    } catch (error) {
      setLookupError(describeFailure(error));
    } finally {
      setBusy(false);
    }
  }

  async function handOver() {
    if (!order) return;
    setBusy(true);
    setHandOverError(null);
    try {
      const answer = (await staff.mutate(OrderPickUpDocument, { orderId: order.id, locationId: terminal.store.id })).orderPickUp;
      if (answer.order) setOrder(answer.order);
      setHandedOver(answer.userErrors.length === 0);
      setHandOverError(answer.userErrors.map((error) => error.message).join(' ') || null);
    } catch (error) {
      setHandOverError(describeFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title="Pickup" class="screen pickup">
      <form class="inline-form" onSubmit={lookUp}>
        <Field
          id="order"
          label="Order number or id"
          hint="From the shopper’s confirmation email, or scanned."
          autoComplete="off"
          value={typed}
          error={lookupError}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button type="submit" class="button primary" disabled={busy}>
          Find order
        </button>
      </form>
      {order && (
        <PickupDetails order={order}>
          {handedOver ? (
            <p class="success" role="status" tabIndex={-1} ref={done}>
              Order #{order.number} handed over at {terminal.store.name}.
            </p>
          ) : (
            <div class="actions">
              <button type="button" class="button primary" disabled={busy} aria-describedby={handOverError ? 'hand-over-error' : undefined} onClick={handOver}>
                Hand over order #{order.number}
              </button>
            </div>
          )}
          <ErrorText id="hand-over-error" message={handOverError} />
        </PickupDetails>
      )}
    </Screen>
  );
}
