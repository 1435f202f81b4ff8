import { defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { Address } from './entities/address.entity.ts';
import { Customer } from './entities/customer.entity.ts';
import { createLoaders, type CustomersLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** Accounts, address books and login: the only subgraph that sees passwords, and it never returns them. */
export const customers = defineSubgraph<CustomersLoaders>({
  name: 'customers',
  port: 4006,
  schemaPath: new URL('../schema.graphql', import.meta.url),
  entities: [Customer, Address],
  migrations,
  createLoaders,
  resolvers,
});
