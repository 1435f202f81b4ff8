import { describe, expect, it } from 'vitest';
import { evaluateDiscounts, type DiscountRule } from '../src/services/pricing/discounts.ts';
import { allocate, mulDivHalfUp, partsPerMillion, percentOf } from '../src/services/pricing/rounding.ts';
import { rateFor, shippingRateFor, type TaxRuleData } from '../src/services/pricing/taxes.ts';
import { computeTotals, type CartPricingInput } from '../src/services/pricing/totals.ts';
import { SEED_TAX_RULES } from '../src/seed.ts';

const RULES: TaxRuleData[] = SEED_TAX_RULES.map(([countryCode, provinceCode, taxClass, ratePpm, name, taxesShipping]) => ({
  countryCode, provinceCode, taxClass, ratePpm, name, taxesShipping,
}));
const NOW = new Date('2026-11-23T12:00:00Z');

function rule(fields: Partial<DiscountRule>): DiscountRule {
  return {
    id: crypto.randomUUID(), code: null, title: 'test', kind: 'PERCENTAGE', percentageBp: null, amountMinor: null, currencyCode: null,
    minimumSubtotalMinor: null, startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: null, usageLimit: null, usageLimitPerCustomer: null,
    active: true, timesUsed: 0, timesUsedByCustomer: 0, ...fields,
  };
}
const WELCOME10 = rule({ code: 'WELCOME10', percentageBp: 1000 });
const base: CartPricingInput = {
  currencyCode: 'USD', lines: [], entered: [], automatic: [], hasCustomer: false, now: NOW, shippingMinor: 0, destination: null, taxRules: RULES,
};
const line = (id: string, unitPriceMinor: number, quantity: number, taxClass: 'STANDARD' | 'REDUCED' | 'ZERO' = 'STANDARD') => ({ id, unitPriceMinor, quantity, taxClass });

describe('rounding', () => {
  it('rounds halves up and everything else to the nearest unit, exactly, even for amounts past 2^53 when multiplied', () => {
    expect(mulDivHalfUp(297, 1000, 10_000)).toBe(30); // 29.7
    expect(mulDivHalfUp(200, 72_500, 1_000_000)).toBe(15); // 14.5 → 15 (half even would give 14)
    expect(mulDivHalfUp(267, 72_500, 1_000_000)).toBe(19); // 19.3575
    expect(mulDivHalfUp(1, 1, 3)).toBe(0);
    expect(partsPerMillion(99_900_000_000_000, 999_999)).toBe(99_899_900_100_000);
    expect(percentOf(5, 1000)).toBe(1); // 0.5 → 1
  });

  it('allocates a discount over lines so the parts add up exactly, largest remainders first, never above a line', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(230, [297, 2000])).toEqual([30, 200]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(7, [0, 0])).toEqual([0, 0]);
    for (const [total, weights] of [[1, [1, 1, 1]], [999, [333, 333, 334]], [12_345, [1, 2, 3, 4, 5, 6, 7, 99_999]], [10, [10]]] as const) {
      const parts = allocate(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((part, i) => expect(part).toBeLessThanOrEqual(weights[i]!));
    }
  });
});

describe('discounts', () => {
  it('takes 10% off 3 × 0.99 as 0.30 (29.7 cents rounded once, half up)', () => {
    const totals = computeTotals({ ...base, lines: [line('a', 99, 3)], entered: [{ code: 'WELCOME10', rule: WELCOME10 }] });
    expect(totals).toMatchObject({ subtotal: 297, discount: 30, tax: 0, total: 267 });
  });

  it('never takes a fixed amount larger than the subtotal below zero', () => {
    const big = rule({ code: 'BIG', kind: 'FIXED_AMOUNT', amountMinor: 2500, currencyCode: 'USD' });
    const totals = computeTotals({ ...base, lines: [line('a', 999, 1)], entered: [{ code: 'BIG', rule: big }], destination: { countryCode: 'US', provinceCode: 'CA' } });
    expect(totals).toMatchObject({ subtotal: 999, discount: 999, tax: 0, total: 0 });
  });

  it('stacks the best automatic discount and then each code on what is left', () => {
    const spend = rule({ kind: 'FIXED_AMOUNT', amountMinor: 2500, currencyCode: 'USD', minimumSubtotalMinor: 50_000 });
    const smaller = rule({ kind: 'FIXED_AMOUNT', amountMinor: 1000, currencyCode: 'USD' });
    const result = evaluateDiscounts({ subtotal: 60_000, currencyCode: 'USD', now: NOW, hasCustomer: false }, [{ code: 'WELCOME10', rule: WELCOME10 }], [smaller, spend]);
    // $25 (the better automatic one), then 10% of $575.00.
    expect(result.applied.map((a) => a.amount)).toEqual([2500, 5750]);
    expect(result.total).toBe(8250);
    const twice = evaluateDiscounts({ subtotal: 1000, currencyCode: 'USD', now: NOW, hasCustomer: false },
      [{ code: 'WELCOME10', rule: WELCOME10 }, { code: 'TEN', rule: rule({ code: 'TEN', percentageBp: 1000 }) }], []);
    expect(twice.total).toBe(190);
  });

  it('says why a code takes nothing off: unknown, expired, not started, used up, below minimum, other currency, nothing left', () => {
    const situation = { subtotal: 1000, currencyCode: 'USD', now: NOW, hasCustomer: true };
    const codes = evaluateDiscounts(situation, [
      { code: 'NOPE', rule: null },
      { code: 'OLD', rule: rule({ code: 'OLD', percentageBp: 500, endsAt: new Date('2026-02-01T00:00:00Z') }) },
      { code: 'LATER', rule: rule({ code: 'LATER', percentageBp: 500, startsAt: new Date('2027-01-01T00:00:00Z') }) },
      { code: 'USED', rule: rule({ code: 'USED', percentageBp: 500, usageLimit: 3, timesUsed: 3 }) },
      { code: 'MINE', rule: rule({ code: 'MINE', percentageBp: 500, usageLimitPerCustomer: 1, timesUsedByCustomer: 1 }) },
      { code: 'BIGSPEND', rule: rule({ code: 'BIGSPEND', percentageBp: 500, currencyCode: 'USD', minimumSubtotalMinor: 5000 }) },
      { code: 'EURO', rule: rule({ code: 'EURO', kind: 'FIXED_AMOUNT', amountMinor: 100, currencyCode: 'EUR' }) },
      { code: 'ALL', rule: rule({ code: 'ALL', percentageBp: 10_000 }) },
      { code: 'MORE', rule: rule({ code: 'MORE', kind: 'FIXED_AMOUNT', amountMinor: 100, currencyCode: 'USD' }) },
    ], []).codes;
    expect(codes.map((c) => [c.code, c.applicable, c.reason])).toEqual([
      ['NOPE', false, 'UNKNOWN'], ['OLD', false, 'EXPIRED'], ['LATER', false, 'NOT_STARTED'], ['USED', false, 'USED_UP'],
      ['MINE', false, 'USED_UP'], ['BIGSPEND', false, 'MINIMUM_NOT_MET'], ['EURO', false, 'OTHER_CURRENCY'],
      ['ALL', true, null], ['MORE', false, 'NOTHING_TO_DISCOUNT'],
    ]);
  });
});

describe('taxes', () => {
  it('taxes each line on its discounted amount, rounded half up once per line', () => {
    const totals = computeTotals({
      ...base,
      lines: [line('a', 99, 3), line('b', 1000, 2, 'REDUCED')],
      entered: [{ code: 'WELCOME10', rule: WELCOME10 }],
      destination: { countryCode: 'US', provinceCode: 'CA' },
    });
    // 10% of 22.97 is 2.297 → 2.30, split 0.30 / 2.00; 7.25% of 2.67 = 0.193575 → 0.19, of 18.00 = 1.305 → 1.31.
    expect(totals.lines.get('a')).toEqual({ subtotal: 297, discount: 30, tax: 19 });
    expect(totals.lines.get('b')).toEqual({ subtotal: 2000, discount: 200, tax: 131 });
    expect(totals).toMatchObject({ subtotal: 2297, discount: 230, tax: 150, total: 2217 });
  });

  it('lets a region override its country, falls back from REDUCED to STANDARD, and zero-rates ZERO', () => {
    expect(rateFor(RULES, { countryCode: 'CA', provinceCode: 'ON' }, 'STANDARD').ratePpm).toBe(130_000);
    expect(rateFor(RULES, { countryCode: 'CA', provinceCode: 'AB' }, 'STANDARD').ratePpm).toBe(50_000);
    expect(rateFor(RULES, { countryCode: 'US', provinceCode: 'OR' }, 'STANDARD').ratePpm).toBe(0);
    expect(rateFor(RULES, { countryCode: 'DE', provinceCode: null }, 'REDUCED').ratePpm).toBe(70_000);
    expect(rateFor(RULES, { countryCode: 'US', provinceCode: 'TX' }, 'REDUCED').ratePpm).toBe(62_500);
    expect(rateFor(RULES, { countryCode: 'DE', provinceCode: null }, 'ZERO').ratePpm).toBe(0);
    expect(rateFor(RULES, { countryCode: 'JP', provinceCode: null }, 'STANDARD').ratePpm).toBe(0);
    expect(rateFor(RULES, null, 'STANDARD').ratePpm).toBe(0);
  });

  it('taxes shipping only where the destination\'s rule says so', () => {
    expect(shippingRateFor(RULES, { countryCode: 'US', provinceCode: 'CA' })).toBe(0);
    expect(shippingRateFor(RULES, { countryCode: 'US', provinceCode: 'NY' })).toBe(40_000);
    const ny = computeTotals({ ...base, lines: [line('a', 1000, 1)], shippingMinor: 999, destination: { countryCode: 'US', provinceCode: 'NY' } });
    // 4% of 10.00 = 0.40; 4% of 9.99 = 0.3996 → 0.40.
    expect(ny).toMatchObject({ tax: 80, total: 1000 + 999 + 80 });
  });
});
