import type { RequestContext } from '#kit';
import { Discount } from './entities/discount.entity.ts';
import { TaxRule } from './entities/tax-rule.entity.ts';
import type { TaxClass } from './entities/cart-line.entity.ts';

type Rule = [country: string, province: string | null, taxClass: TaxClass, ratePpm: number, name: string, taxesShipping: boolean];

/**
 * Demo tax rules, rates in parts per million. US: the seeded market, prices exclude tax; a handful of
 * states (combined state-level rates, no local taxes), every other state 0. California does not tax
 * separately stated delivery; New York, Texas and Washington do. Canada: GST 5% everywhere, replaced by
 * HST in Ontario and Nova Scotia, or by GST + the provincial tax as one rule in British Columbia and
 * Quebec; GST/HST apply to shipping. EU: standard and reduced VAT, shipping taxed at the standard rate.
 */
export const SEED_TAX_RULES: readonly Rule[] = [
  ['US', null, 'STANDARD', 0, 'No sales tax', false],
  ['US', 'CA', 'STANDARD', 72_500, 'California sales tax', false],
  ['US', 'NY', 'STANDARD', 40_000, 'New York sales tax', true],
  ['US', 'TX', 'STANDARD', 62_500, 'Texas sales tax', true],
  ['US', 'WA', 'STANDARD', 65_000, 'Washington sales tax', true],
  ['CA', null, 'STANDARD', 50_000, 'GST', true],
  ['CA', 'ON', 'STANDARD', 130_000, 'HST', true],
  ['CA', 'NS', 'STANDARD', 140_000, 'HST', true],
  ['CA', 'BC', 'STANDARD', 120_000, 'GST + PST', true],
  ['CA', 'QC', 'STANDARD', 149_750, 'GST + QST', true],
  ['DE', null, 'STANDARD', 190_000, 'MwSt', true],
  ['DE', null, 'REDUCED', 70_000, 'MwSt (ermäßigt)', true],
  ['FR', null, 'STANDARD', 200_000, 'TVA', true],
  ['FR', null, 'REDUCED', 55_000, 'TVA (taux réduit)', true],
  ['NL', null, 'STANDARD', 210_000, 'btw', true],
  ['NL', null, 'REDUCED', 90_000, 'btw (verlaagd)', true],
  ['IE', null, 'STANDARD', 230_000, 'VAT', true],
  ['IE', null, 'REDUCED', 135_000, 'VAT (reduced)', true],
];

/** The demo discounts: the code WELCOME10 (the architecture's promise), a small fixed-amount code, and one automatic discount. */
export const SEED_DISCOUNTS = [
  { code: 'WELCOME10', title: '10% off your order', kind: 'PERCENTAGE', percentageBp: 1000 },
  { code: 'SAVE5', title: '$5 off orders of $50 or more', kind: 'FIXED_AMOUNT', amountMinor: 500, currencyCode: 'USD', minimumSubtotalMinor: 5000 },
  { code: null, title: '$25 off orders of $500 or more', kind: 'FIXED_AMOUNT', amountMinor: 2500, currencyCode: 'USD', minimumSubtotalMinor: 50_000 },
] as const;

/**
 * Seeds tax rules and discounts when there are no tax rules yet; otherwise leaves everything alone.
 * Two multi-row inserts under an advisory lock, so two processes seeding at once seed once.
 */
export async function seedCart(ctx: RequestContext): Promise<{ created: boolean }> {
  return ctx.transaction(async (tx) => {
    await tx.em.execute(`select pg_advisory_xact_lock(hashtext('cart.seed'))`);
    const [state] = await tx.em.execute<{ seeded: boolean }[]>('select exists (select 1 from tax_rule) as seeded');
    if (state?.seeded) return { created: false };
    await tx.em.insertMany(TaxRule, SEED_TAX_RULES.map(([countryCode, provinceCode, taxClass, ratePpm, name, taxesShipping]) => ({
      id: crypto.randomUUID(), countryCode, provinceCode, taxClass, ratePpm, name, taxesShipping,
    })));
    const startsAt = new Date();
    await tx.em.insertMany(Discount, SEED_DISCOUNTS.map((discount) => ({
      id: crypto.randomUUID(),
      percentageBp: null, amountMinor: null, currencyCode: null, minimumSubtotalMinor: null,
      usageLimit: null, usageLimitPerCustomer: null, endsAt: null,
      ...discount,
      startsAt, active: true, createdAt: new Date(),
    })));
    return { created: true };
  });
}
