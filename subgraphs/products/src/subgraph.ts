import { allow, defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { Category } from './entities/category.entity.ts';
import { ProductCategory } from './entities/product-category.entity.ts';
import { ProductVariant } from './entities/product-variant.entity.ts';
import { Product } from './entities/product.entity.ts';
import { createLoaders, type ProductsLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { seedProducts } from './seed.ts';

/** The catalog: products, variants and categories (PostgreSQL schema `products`). */
export const products = defineSubgraph<ProductsLoaders>({
  name: 'products',
  port: 4001,
  schemaPath: new URL('../schema.graphql', import.meta.url),
  entities: [Product, ProductVariant, Category, ProductCategory],
  migrations,
  createLoaders,
  resolvers,
  // The catalog is public; changing it is staff work (merchants, POS managers). No service writes it.
  permissions: {
    Query: { products: allow.anyone, product: allow.anyone, productVariantBySku: allow.anyone, categories: allow.anyone, category: allow.anyone },
    Mutation: {
      productCreate: allow.staff,
      productUpdate: allow.staff,
      productVariantsCreate: allow.staff,
      productVariantsUpdate: allow.staff,
      productArchive: allow.staff,
      categoryCreate: allow.staff,
      categoryUpdate: allow.staff,
      categoryProductsAdd: allow.staff,
      categoryProductsRemove: allow.staff,
    },
  },
  seed: (ctx, options) => seedProducts(ctx, options),
  codegen: {
    contextType: '../context.ts#ProductsContext',
    mappers: {
      Product: '../entities/product.entity.ts#Product',
      ProductVariant: '../entities/product-variant.entity.ts#ProductVariant',
      Category: '../entities/category.entity.ts#Category',
      Money: '../currencies.ts#MoneyValue',
    },
  },
});
