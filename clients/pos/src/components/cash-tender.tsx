/**
 * The cash handed over: typed, or one tap on exact or a round note above the total. The change shown
 * here is a preview by integer subtraction of minor units; the receipt shows the API's own change due.
 */
import { formatMoney, fromMinor } from '../../../app-kit/src/money.ts';
import { roundTenders } from '../tender.ts';
import { Field } from './field.tsx';

interface CashTenderProps {
  totalMinor: number;
  currencyCode: string;
  value: string;
  /** The typed amount in minor units; null when it is not an amount. */
  tenderedMinor: number | null;
  error: string | undefined;
  onChange: (value: string) => void;
}

export function CashTender({ totalMinor, currencyCode, value, tenderedMinor, error, onChange }: CashTenderProps) {
  const show = (minor: number) => formatMoney(fromMinor(minor, currencyCode));
  const quick = [totalMinor, ...roundTenders(totalMinor, currencyCode)];
  return (
    <div class="cash">
      <Field
        id="tendered"
        label="Amount tendered"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        error={error}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      <div class="quick" role="group" aria-label="Quick amounts">
        {quick.map((minor, index) => (
          <button key={minor} type="button" class="button secondary" onClick={() => onChange(fromMinor(minor, currencyCode).amount)}>
            {index === 0 ? `Exact ${show(minor)}` : show(minor)}
          </button>
        ))}
      </div>
      <p class="change" role="status">
        {tenderedMinor === null || value.trim() === ''
          ? ''
          : tenderedMinor >= totalMinor
            ? `Change due: ${show(tenderedMinor - totalMinor)}`
            : `Short by ${show(totalMinor - tenderedMinor)}`}
      </p>
    </div>
  );
}
