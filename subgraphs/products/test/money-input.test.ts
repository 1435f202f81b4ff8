import { describe, expect, it } from 'vitest';
import { parseMinorUnits as parseAmountMinor, type UserError } from '#kit';
import { readWeight } from '../src/services/money-input.ts';

describe('parseAmountMinor', () => {
  it('reads decimal strings into minor units without floating point', () => {
    expect(parseAmountMinor('19.99', 'USD')).toBe(1999);
    expect(parseAmountMinor('0.1', 'USD')).toBe(10);
    expect(parseAmountMinor('1.005', 'KWD')).toBe(1005);
    expect(parseAmountMinor('1500', 'JPY')).toBe(1500);
    expect(parseAmountMinor('4.35', 'EUR')).toBe(435); // 4.35 * 100 is 434.99999999999994 as a float
    expect(parseAmountMinor('19.990', 'USD')).toBe(1999);
    expect(parseAmountMinor('999999999999.99', 'USD')).toBe(99_999_999_999_999);
  });

  it('refuses anything but a plain decimal in the currency\'s precision', () => {
    for (const [amount, currency] of [
      ['19.999', 'USD'], ['5.5', 'JPY'], ['-1', 'USD'], ['+1', 'USD'], ['1e3', 'USD'], ['1,50', 'EUR'], [' 1.00', 'USD'],
      ['1.', 'USD'], ['.5', 'USD'], ['', 'USD'], ['NaN', 'USD'], ['0x10', 'USD'], ['1'.repeat(13), 'USD'],
    ]) {
      expect(parseAmountMinor(amount!, currency!), `${amount} ${currency}`).toBeNull();
    }
  });
});

describe('readWeight', () => {
  it('converts to whole grams, rounding to the nearest', () => {
    const errors: UserError[] = [];
    expect(readWeight({ value: 1, unit: 'POUNDS' }, ['weight'], errors)).toBe(454);
    expect(readWeight({ value: 16, unit: 'OUNCES' }, ['weight'], errors)).toBe(454);
    expect(readWeight({ value: 0.0004, unit: 'KILOGRAMS' }, ['weight'], errors)).toBe(0);
    expect(readWeight({ value: 2.5, unit: 'GRAMS' }, ['weight'], errors)).toBe(3);
    expect(errors).toEqual([]);
  });

  it('refuses a negative weight on its value', () => {
    const errors: UserError[] = [];
    readWeight({ value: -0.1, unit: 'GRAMS' }, ['variants', '0', 'weight'], errors);
    expect(errors).toEqual([{ code: 'INVALID', message: expect.any(String), field: ['variants', '0', 'weight', 'value'] }]);
  });
});
