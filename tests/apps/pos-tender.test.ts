/** The till's cash arithmetic: typed amounts to integer minor units, and the one-tap round notes. */
import { describe, expect, it } from 'vitest';
import { parseAmountToMinor, roundTenders } from '../../clients/pos/src/tender.ts';

describe('parseAmountToMinor', () => {
  it('reads what a clerk types as integer minor units, never through a float', () => {
    expect(parseAmountToMinor('20', 'USD')).toBe(2000);
    expect(parseAmountToMinor('20.5', 'USD')).toBe(2050);
    expect(parseAmountToMinor(' $1,000.07 ', 'USD')).toBe(100007);
    expect(parseAmountToMinor('0.10', 'USD')).toBe(10);
    expect(parseAmountToMinor('19.990', 'USD')).toBe(1999);
    // 1.15 * 100 is 114.99999999999999 in floating point.
    expect(parseAmountToMinor('1.15', 'USD')).toBe(115);
    expect(parseAmountToMinor('500', 'JPY')).toBe(500);
  });

  it('refuses what is not an amount this currency can hold', () => {
    for (const typed of ['', 'abc', '-5', '1.001', '12.3.4', '1e3', '5 00 00 00 00 00 00']) expect(parseAmountToMinor(typed, 'USD'), typed).toBeNull();
    expect(parseAmountToMinor('500.5', 'JPY')).toBeNull();
  });
});

describe('roundTenders', () => {
  it('offers the next round notes above the total', () => {
    expect(roundTenders(3745, 'USD')).toEqual([4000, 5000, 10000]);
    expect(roundTenders(35496, 'USD')).toEqual([35500, 36000, 40000]);
    expect(roundTenders(2000, 'USD')).toEqual([2500, 3000, 4000]);
  });
});
