import type { Resolvers } from '../generated/resolvers-types.ts';
import { Category } from './category.ts';
import { DateTimeScalar as DateTime } from '#kit';
import { ProductVariant } from './product-variant.ts';
import { Product } from './product.ts';
import { Query } from './query.ts';

export const resolvers: Resolvers = { Query, Product, ProductVariant, Category, DateTime };
