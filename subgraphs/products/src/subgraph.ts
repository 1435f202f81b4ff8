import { defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { Category } from './entities/category.entity.ts';
import { ProductCategory } from './entities/product-category.entity.ts';
import { ProductVariant } from './entities/product-variant.entity.ts';
import { Product } from './entities/product.entity.ts';
import { createLoaders, type ProductsLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** The catalog: products, variants and categories (PostgreSQL schema `products`). */
export const products = defineSubgraph<ProductsLoaders>({
  name: 'products',
  port: 4001,
  schemaPath: new URL('../schema.graphql', import.meta.url),
  entities: [Product, ProductVariant, Category, ProductCategory],
  migrations,
  createLoaders,
  resolvers,
});
