import { defineEntity, p } from '@mikro-orm/postgresql';
import { Product } from './product.entity.ts';

/** What the cart's tax rules key on; the rate for each class is the tax rules' business, not the catalog's. */
export const TAX_CLASSES = ['STANDARD', 'REDUCED', 'ZERO'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

export interface SelectedOptionValue {
  name: string;
  value: string;
}

const ProductVariantSchema = defineEntity({
  name: 'ProductVariant',
  tableName: 'product_variant',
  properties: {
    id: p.uuid().primary(),
    product: p.manyToOne(Product).ref(),
    sku: p.text().unique(),
    title: p.text(),
    priceMinor: p.integer(),
    currencyCode: p.string().length(3),
    weightGrams: p.integer(),
    selectedOptions: p.json<SelectedOptionValue[]>(),
    taxClass: p.enum(TAX_CLASSES).default('STANDARD'),
    position: p.integer(),
    createdAt: p.datetime(3).onCreate(() => new Date()),
    updatedAt: p.datetime(3).onCreate(() => new Date()),
  },
});

export class ProductVariant extends ProductVariantSchema.class {}
ProductVariantSchema.setClass(ProductVariant);
