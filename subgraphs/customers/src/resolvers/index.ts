import type { Resolvers } from '../generated/resolvers-types.ts';
import { Customer } from './customer.ts';
import { DateTime } from './date-time.ts';
import { MailingAddress } from './mailing-address.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';

export const resolvers: Resolvers = { Query, Mutation, Customer, MailingAddress, DateTime };
