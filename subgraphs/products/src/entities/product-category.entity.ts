import { defineEntity, p } from '@mikro-orm/postgresql';
import { Category } from './category.entity.ts';
import { Product } from './product.entity.ts';

/** Membership of a product in a category; a product may sit in several. */
const ProductCategorySchema = defineEntity({
  name: 'ProductCategory',
  tableName: 'product_category',
  properties: {
    product: p.manyToOne(Product).ref().primary(),
    category: p.manyToOne(Category).ref().primary(),
  },
});

export class ProductCategory extends ProductCategorySchema.class {}
ProductCategorySchema.setClass(ProductCategory);
