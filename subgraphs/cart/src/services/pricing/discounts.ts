import { percentOf } from './rounding.ts';

/** A discount as pricing needs it, with how often it has been redeemed (overall and by this cart's customer). */
export interface DiscountRule {
  id: string;
  /** Null for an automatic discount. */
  code: string | null;
  title: string;
  kind: 'PERCENTAGE' | 'FIXED_AMOUNT';
  percentageBp: number | null;
  amountMinor: number | null;
  currencyCode: string | null;
  minimumSubtotalMinor: number | null;
  startsAt: Date;
  endsAt: Date | null;
  usageLimit: number | null;
  usageLimitPerCustomer: number | null;
  active: boolean;
  timesUsed: number;
  timesUsedByCustomer: number;
}

/** Why an entered code takes nothing off; each becomes a warning's message. */
export type NotApplicable =
  | 'UNKNOWN'
  | 'INACTIVE'
  | 'NOT_STARTED'
  | 'EXPIRED'
  | 'USED_UP'
  | 'MINIMUM_NOT_MET'
  | 'OTHER_CURRENCY'
  | 'NOTHING_TO_DISCOUNT';

export interface EnteredCode {
  code: string;
  /** The discount with this code, or null when there is none. */
  rule: DiscountRule | null;
}

export interface DiscountApplication {
  discountId: string;
  code: string | null;
  title: string;
  amount: number;
}

export interface DiscountEvaluation {
  /** Everything discounts take off; never more than the subtotal. */
  total: number;
  applied: DiscountApplication[];
  codes: { code: string; applicable: boolean; reason: NotApplicable | null }[];
}

export interface DiscountSituation {
  /** The cart's subtotal in minor units of `currencyCode`. */
  subtotal: number;
  currencyCode: string;
  now: Date;
  /** Whether the cart belongs to a customer (per-customer limits can only count a known customer). */
  hasCustomer: boolean;
}

/** Why `rule` cannot apply to this cart at all, or null when it may. */
export function notApplicable(rule: DiscountRule, situation: DiscountSituation): NotApplicable | null {
  if (!rule.active) return 'INACTIVE';
  if (situation.now < rule.startsAt) return 'NOT_STARTED';
  if (rule.endsAt && situation.now >= rule.endsAt) return 'EXPIRED';
  if (rule.usageLimit !== null && rule.timesUsed >= rule.usageLimit) return 'USED_UP';
  if (situation.hasCustomer && rule.usageLimitPerCustomer !== null && rule.timesUsedByCustomer >= rule.usageLimitPerCustomer) return 'USED_UP';
  // An amount or a minimum in another currency means nothing here (no conversion rates in the cart).
  if (rule.currencyCode !== null && rule.currencyCode !== situation.currencyCode) return 'OTHER_CURRENCY';
  if (rule.minimumSubtotalMinor !== null && situation.subtotal < rule.minimumSubtotalMinor) return 'MINIMUM_NOT_MET';
  return null;
}

/** What `rule` takes off `base` (what is left after the discounts before it): never more than `base`. */
export function amountOff(rule: DiscountRule, base: number): number {
  return rule.kind === 'PERCENTAGE' ? percentOf(base, rule.percentageBp ?? 0) : Math.min(rule.amountMinor ?? 0, base);
}

/**
 * How discounts stack:
 * 1. Automatic discounts do not combine with each other: of those that apply, the one taking most off
 *    the subtotal is used (ties: the one that started first, then by id).
 * 2. Then every applicable code, in the order entered, each on what is left after the discounts before
 *    it: a percentage takes its share of the remainder (10% + 10% is 19%, never more than 100%), a fixed
 *    amount at most the remainder.
 * 3. So the discount never exceeds the subtotal: nothing is ever discounted below zero. A code that
 *    would take nothing off (the remainder is already zero) is reported as not applicable.
 * Minimums are checked against the subtotal before any discount.
 */
export function evaluateDiscounts(situation: DiscountSituation, entered: readonly EnteredCode[], automatic: readonly DiscountRule[]): DiscountEvaluation {
  const applied: DiscountApplication[] = [];
  let remaining = situation.subtotal;

  const candidates = automatic
    .filter((rule) => notApplicable(rule, situation) === null)
    .map((rule) => ({ rule, amount: amountOff(rule, situation.subtotal) }))
    .filter(({ amount }) => amount > 0)
    .sort((a, b) => b.amount - a.amount || a.rule.startsAt.getTime() - b.rule.startsAt.getTime() || (a.rule.id < b.rule.id ? -1 : 1));
  const best = candidates[0];
  if (best) {
    applied.push({ discountId: best.rule.id, code: null, title: best.rule.title, amount: best.amount });
    remaining -= best.amount;
  }

  const codes: DiscountEvaluation['codes'] = [];
  for (const { code, rule } of entered) {
    const reason = rule ? notApplicable(rule, situation) : 'UNKNOWN';
    const amount = rule && reason === null ? amountOff(rule, remaining) : 0;
    if (rule && reason === null && amount > 0) {
      applied.push({ discountId: rule.id, code, title: rule.title, amount });
      remaining -= amount;
      codes.push({ code, applicable: true, reason: null });
    } else {
      codes.push({ code, applicable: false, reason: reason ?? 'NOTHING_TO_DISCOUNT' });
    }
  }
  return { total: situation.subtotal - remaining, applied, codes };
}

const REASONS: Record<NotApplicable, string> = {
  UNKNOWN: 'is not a discount code we know',
  INACTIVE: 'is no longer offered',
  NOT_STARTED: 'cannot be used yet',
  EXPIRED: 'has expired',
  USED_UP: 'has reached its usage limit',
  MINIMUM_NOT_MET: 'needs a larger subtotal',
  OTHER_CURRENCY: 'does not apply to a cart in this currency',
  NOTHING_TO_DISCOUNT: 'has nothing left to take off',
};

export function notApplicableMessage(code: string, reason: NotApplicable): string {
  return `Discount code ${code} ${REASONS[reason]}.`;
}
