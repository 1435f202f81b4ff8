import type { Resolvers } from '../generated/resolvers-types.ts';
import { DateTimeScalar as DateTime } from '#kit';
import { Location } from './location.resolvers.ts';
import { Mutation } from './mutation.resolvers.ts';
import { ProductVariant } from './product-variant.resolvers.ts';
import { Query } from './query.resolvers.ts';
import { StockLevel } from './stock-level.resolvers.ts';
import { StockMovement } from './stock-movement.resolvers.ts';

export const resolvers: Resolvers = { DateTime, Query, Mutation, ProductVariant, Location, StockLevel, StockMovement };
