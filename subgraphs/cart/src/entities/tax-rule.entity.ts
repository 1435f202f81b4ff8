import { defineEntity, p } from '@mikro-orm/postgresql';
import { TAX_CLASSES } from './cart-line.entity.ts';

/**
 * The tax rate of one tax class at one destination: a country (`provinceCode` null) or one of its
 * regions, which overrides the country. Rates are parts per million (7.25% = 72500), never floats.
 */
const TaxRuleSchema = defineEntity({
  name: 'TaxRule',
  tableName: 'tax_rule',
  properties: {
    id: p.uuid().primary(),
    countryCode: p.string().length(2),
    provinceCode: p.text().nullable(),
    taxClass: p.enum(TAX_CLASSES),
    ratePpm: p.integer(),
    /** e.g. "GST", "HST", "VAT": what an invoice would call it. */
    name: p.text(),
    /** Whether shipping to this destination is taxed (read from its STANDARD rule). */
    taxesShipping: p.boolean(),
  },
});

export class TaxRule extends TaxRuleSchema.class {}
TaxRuleSchema.setClass(TaxRule);
