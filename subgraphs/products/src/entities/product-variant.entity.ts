import { defineEntity, p } from '@mikro-orm/postgresql';
import { Product } from './product.entity.ts';

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
    position: p.integer(),
    createdAt: p.datetime(3).onCreate(() => new Date()),
    updatedAt: p.datetime(3).onCreate(() => new Date()),
  },
});

export class ProductVariant extends ProductVariantSchema.class {}
ProductVariantSchema.setClass(ProductVariant);
