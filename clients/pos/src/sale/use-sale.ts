/**
 * The sale being rung up: a till cart created by the clerk for the terminal's store (`CartInput.locationId`,
 * so the cart checks the store's shelf, not online stock; see api.ts), addressed to the store so the store's
 * tax applies, and the stock the clerk saw for each item. The cart id and that stock are kept in sessionStorage, so a
 * reload mid-sale finds the sale again.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  CartCreateDocument,
  CartDocument,
  CartLinesAddDocument,
  CartLinesRemoveDocument,
  CartLinesUpdateDocument,
  CartShippingAddressUpdateDocument,
  PosCheckoutCompleteDocument,
  type PosCartFragment,
  type PosCheckoutCompleteMutation,
  type PosPaymentInput,
} from '../../generated/graphql.ts';
import { describeFailure, guest, staff, type UserError } from '../api.ts';
import { readJson, writeJson, type Terminal } from '../session.ts';
import { stockAt, type ItemStock, type StockLevelLike } from './stock.ts';

export type Receipt = NonNullable<PosCheckoutCompleteMutation['posCheckoutComplete']['order']> & {
  changeDue: PosCheckoutCompleteMutation['posCheckoutComplete']['changeDue'];
  store: Terminal['store'];
};

export interface SaleItem {
  id: string;
  stockLevels: readonly StockLevelLike[] | null;
}

interface Saved {
  cartId: string;
  stock: Record<string, ItemStock>;
}

const SALE_KEY = 'pos.sale';
/** What a change queued before the sale was voided finds: nothing to change. */
const VOIDED = { cart: null, userErrors: [] };
const RECEIPT_KEY = 'pos.receipt';

export const loadReceipt = () => readJson<Receipt>(sessionStorage, RECEIPT_KEY);

export function useSale(terminal: Terminal | null) {
  const [cart, setCart] = useState<PosCartFragment | null>(null);
  const [stock, setStock] = useState<Record<string, ItemStock>>(() => readJson<Saved>(sessionStorage, SALE_KEY)?.stock ?? {});
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Changes run one after another against the newest cart: a scanner fires faster than the API answers,
  // and two scans before the first answer must not create two carts.
  const latest = useRef<PosCartFragment | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  // A reload mid-sale: read the cart back once.
  useEffect(() => {
    const saved = readJson<Saved>(sessionStorage, SALE_KEY);
    if (!saved) return;
    guest.query(CartDocument, { id: saved.cartId }).then(
      (answer) => {
        latest.current = answer.cart;
        setCart(answer.cart);
      },
      (error) => setFailure(describeFailure(error)),
    );
  }, []);

  useEffect(() => {
    writeJson(sessionStorage, SALE_KEY, cart ? ({ cartId: cart.id, stock } satisfies Saved) : null);
  }, [cart, stock]);

  /** Runs one cart change; its user errors go back to the caller, which shows them where they belong. */
  const change = useCallback((run: (current: PosCartFragment | null) => Promise<{ cart: PosCartFragment | null; userErrors: UserError[] }>): Promise<UserError[]> => {
    const next = queue.current.then(async () => {
      setBusy(true);
      setFailure(null);
      try {
        const answer = await run(latest.current);
        if (answer.cart) latest.current = answer.cart;
        if (answer.cart) setCart(answer.cart);
        return answer.userErrors;
      } catch (error) {
        setFailure(describeFailure(error));
        return [];
      } finally {
        setBusy(false);
      }
    });
    queue.current = next;
    return next;
  }, []);

  const add = useCallback(
    (item: SaleItem, quantity = 1) => {
      if (!terminal) return Promise.resolve([]);
      setStock((known) => ({ ...known, [item.id]: stockAt(item.stockLevels, terminal) }));
      const lines = [{ merchandiseId: item.id, quantity }];
      return change(async (current) => {
        const answer = current
          ? (await guest.mutate(CartLinesAddDocument, { cartId: current.id, lines })).cartLinesAdd
          : (await staff.mutate(CartCreateDocument, { input: { lines, locationId: terminal.store.id } })).cartCreate;
        if (!answer.cart || answer.cart.shippingAddress) return answer;
        // Taxed where the store is: the API refuses to sell a cart addressed elsewhere. The cart is kept
        // even if addressing it fails, and the next change addresses it again.
        latest.current = answer.cart;
        setCart(answer.cart);
        const address = { firstName: 'Walk-in', lastName: 'Shopper', ...terminal.store.address };
        return (await guest.mutate(CartShippingAddressUpdateDocument, { cartId: answer.cart.id, address })).cartShippingAddressUpdate;
      });
    },
    [terminal, change],
  );

  const setQuantity = useCallback(
    async (lineId: string, quantity: number) => {
      const errors = await change(async (current) =>
        current ? (await guest.mutate(CartLinesUpdateDocument, { cartId: current.id, lines: [{ id: lineId, quantity }] })).cartLinesUpdate : VOIDED,
      );
      setLineErrors((shown) => ({ ...shown, [lineId]: errors.map((error) => error.message).join(' ') }));
    },
    [change],
  );

  const remove = useCallback(
    async (lineId: string) => {
      const errors = await change(async (current) => (current ? (await guest.mutate(CartLinesRemoveDocument, { cartId: current.id, lineIds: [lineId] })).cartLinesRemove : VOIDED));
      if (errors.length > 0) setLineErrors((shown) => ({ ...shown, [lineId]: errors.map((error) => error.message).join(' ') }));
    },
    [change],
  );

  /** Forgets the sale (after it is paid, or when the clerk voids it). */
  const clear = useCallback(() => {
    latest.current = null;
    setCart(null);
    setStock({});
    setLineErrors({});
    setFailure(null);
  }, []);

  /**
   * Sells the cart. The idempotency key is the cart's own id: one cart is one sale, so a retry after a
   * lost answer (the clerk taps again) gets the same order back instead of a second sale.
   */
  const complete = useCallback(
    async (payment: PosPaymentInput): Promise<PosCheckoutCompleteMutation['posCheckoutComplete'] | null> => {
      if (!cart || !terminal) return null;
      setBusy(true);
      setFailure(null);
      try {
        const variables = { cartId: cart.id, locationId: terminal.store.id, payment, idempotencyKey: `till-${cart.id}` };
        const answer = (await staff.mutate(PosCheckoutCompleteDocument, variables)).posCheckoutComplete;
        // The caller clears the sale once it has moved on to the receipt.
        if (answer.order) writeJson(sessionStorage, RECEIPT_KEY, { ...answer.order, changeDue: answer.changeDue, store: terminal.store } satisfies Receipt);
        setLineErrors(lineErrorsOf(answer.userErrors, cart));
        return answer;
      } catch (error) {
        setFailure(describeFailure(error));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [cart, terminal],
  );

  return { cart, stock, lineErrors, failure, busy, add, setQuantity, remove, clear, complete };
}

export type Sale = ReturnType<typeof useSale>;

/** A sale refused per line (`['cartId', 'lines', <line id>]`, e.g. short at this store), by line. */
function lineErrorsOf(errors: readonly UserError[], cart: PosCartFragment): Record<string, string> {
  const byLine: Record<string, string> = {};
  for (const error of errors) {
    const [root, lines, ref] = error.field ?? [];
    if (root !== 'cartId' || lines !== 'lines' || !ref) continue;
    const line = cart.lines.find((candidate) => candidate.id === ref || candidate.id.endsWith(`/${ref}`));
    if (line) byLine[line.id] = error.message;
  }
  return byLine;
}
