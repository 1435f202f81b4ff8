import type { Resolvers } from '../generated/resolvers-types.ts';
import { DateTimeScalar as DateTime } from '#kit';
import { Location } from './location.ts';
import { Mutation } from './mutation.ts';
import { ProductVariant } from './product-variant.ts';
import { Query } from './query.ts';
import { StockLevel } from './stock-level.ts';
import { StockMovement } from './stock-movement.ts';
import { StockReservation } from './stock-reservation.ts';

export const resolvers: Resolvers = { DateTime, Query, Mutation, ProductVariant, Location, StockLevel, StockMovement, StockReservation };
