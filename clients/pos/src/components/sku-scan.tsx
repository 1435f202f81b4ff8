/**
 * The scanner's input. A barcode scanner types the SKU and presses Enter, so this is a one-field form:
 * Enter looks the SKU up, adds one unit to the sale, then clears the field and keeps focus for the next scan.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { VariantBySkuDocument } from '../../generated/graphql.ts';
import { describeFailure, staff, type UserError } from '../api.ts';
import type { SaleItem } from '../sale/use-sale.ts';
import { Field } from './field.tsx';

export function SkuScan({ onAdd }: { onAdd: (item: SaleItem) => Promise<UserError[]> }) {
  const [sku, setSku] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [added, setAdded] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // The till's resting place: a scan must land here without a tap first.
  useEffect(() => input.current?.focus(), []);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const wanted = sku.trim();
    if (!wanted) return;
    setError(undefined);
    setAdded(null);
    try {
      const variant = (await staff.query(VariantBySkuDocument, { sku: wanted })).productVariantBySku;
      if (!variant) {
        setError(`No item has the SKU “${wanted}”.`);
        return;
      }
      const refused = await onAdd(variant);
      if (refused.length > 0) setError(refused.map((userError) => userError.message).join(' '));
      else {
        setAdded(`Added ${variant.product.title} (${variant.sku}).`);
        setSku('');
      }
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      input.current?.focus();
    }
  }

  return (
    <form class="scan" onSubmit={submit} aria-label="Scan or type a SKU">
      <Field
        id="sku"
        label="Scan or type SKU"
        inputRef={input}
        autoComplete="off"
        autoCapitalize="characters"
        spellcheck={false}
        enterKeyHint="enter"
        value={sku}
        error={error}
        onInput={(event) => setSku(event.currentTarget.value)}
      />
      <button type="submit" class="button primary">
        Add SKU
      </button>
      <p class="sr-only" role="status">
        {added}
      </p>
    </form>
  );
}
