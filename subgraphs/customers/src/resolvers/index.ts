import type { Resolvers } from '../generated/resolvers-types.ts';
import { Customer } from './customer.ts';
import { DateTimeScalar as DateTime } from '#kit';
import { MailingAddress } from './mailing-address.ts';
import { Mutation } from './mutation.ts';
import { PartnerApiKey } from './partner-api-key.ts';
import { Query } from './query.ts';

export const resolvers: Resolvers = { Query, Mutation, Customer, MailingAddress, PartnerApiKey, DateTime };
