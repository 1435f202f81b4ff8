import { DateTimeScalar as DateTime } from '#kit';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Cart } from './cart.ts';
import { CartLine } from './cart-line.ts';
import { Customer } from './customer.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';

export const resolvers: Resolvers = { DateTime, Query, Mutation, Cart, CartLine, Customer };
