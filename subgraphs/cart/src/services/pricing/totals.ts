import type { TaxClass } from '../../entities/cart-line.entity.ts';
import { evaluateDiscounts, type DiscountEvaluation, type DiscountRule, type EnteredCode } from './discounts.ts';
import { allocate, partsPerMillion } from './rounding.ts';
import { rateFor, shippingRateFor, type TaxDestination, type TaxRuleData } from './taxes.ts';

export interface PricedLine {
  id: string;
  quantity: number;
  unitPriceMinor: number;
  taxClass: TaxClass;
}

export interface CartPricingInput {
  currencyCode: string;
  lines: readonly PricedLine[];
  entered: readonly EnteredCode[];
  automatic: readonly DiscountRule[];
  hasCustomer: boolean;
  now: Date;
  /** The selected option's price; 0 without one. */
  shippingMinor: number;
  destination: TaxDestination | null;
  taxRules: readonly TaxRuleData[];
}

export interface LineAmounts {
  /** unit price × quantity. */
  subtotal: number;
  /** This line's share of the order discounts. */
  discount: number;
  tax: number;
}

export interface CartTotals {
  currencyCode: string;
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  /** What shipping rates see: the subtotal after discounts. */
  discountedSubtotal: number;
  lines: Map<string, LineAmounts>;
  discounts: DiscountEvaluation;
}

/**
 * A cart's totals, in integer minor units. Prices exclude tax (the seeded US market), so
 *   total = subtotal − discount + shipping + tax.
 * 1. Each line's subtotal is unit price × quantity: exact, nothing to round.
 * 2. Discounts are worked out on the cart's subtotal (discounts.ts: each percentage rounded once, half
 *    up), then spread over the lines in proportion to their subtotals by largest remainder, so the
 *    lines' shares add up to the discount exactly and each line's taxable amount is known.
 * 3. Tax is computed per line on (line subtotal − its discount share) at its class's rate for the
 *    destination, rounded half up once per line; shipping is taxed (once, half up) where the
 *    destination's STANDARD rule taxes shipping. Shipping is never discounted.
 *
 * Tax-inclusive markets (EU consumer prices include VAT) would keep steps 1 and 2 unchanged on gross
 * amounts and, per line, extract rather than add: tax = round_half_up(net_line × rate / (1 + rate)),
 * i.e. mulDivHalfUp(amount, ratePpm, 1_000_000 + ratePpm); the total is then subtotal − discount +
 * shipping, with `totalTaxAmount` reported as "of which tax". Which way applies would be a property of
 * the market (currency plus country), stored beside the tax rules; the US market here is exclusive,
 * and the EU rules seeded today are added on top as for exclusive prices.
 */
export function computeTotals(input: CartPricingInput): CartTotals {
  const subtotals = input.lines.map((line) => line.unitPriceMinor * line.quantity);
  const subtotal = subtotals.reduce((a, b) => a + b, 0);
  const discounts = evaluateDiscounts(
    { subtotal, currencyCode: input.currencyCode, now: input.now, hasCustomer: input.hasCustomer },
    input.entered,
    input.automatic,
  );
  const shares = allocate(discounts.total, subtotals);
  const lines = new Map<string, LineAmounts>();
  let lineTax = 0;
  input.lines.forEach((line, index) => {
    const lineSubtotal = subtotals[index]!;
    const discount = shares[index]!;
    const tax = partsPerMillion(lineSubtotal - discount, rateFor(input.taxRules, input.destination, line.taxClass).ratePpm);
    lineTax += tax;
    lines.set(line.id, { subtotal: lineSubtotal, discount, tax });
  });
  const shippingTax = partsPerMillion(input.shippingMinor, shippingRateFor(input.taxRules, input.destination));
  const tax = lineTax + shippingTax;
  return {
    currencyCode: input.currencyCode,
    subtotal,
    discount: discounts.total,
    shipping: input.shippingMinor,
    tax,
    total: subtotal - discounts.total + input.shippingMinor + tax,
    discountedSubtotal: subtotal - discounts.total,
    lines,
    discounts,
  };
}
