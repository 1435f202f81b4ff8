import type { Resolvers } from '../generated/resolvers-types.ts';
import { Category } from './category.ts';
import { DateTimeScalar as DateTime } from '#kit';
import { ProductVariant } from './product-variant.ts';
import { Product } from './product.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';

export const resolvers: Resolvers = { Query, Mutation, Product, ProductVariant, Category, DateTime };
