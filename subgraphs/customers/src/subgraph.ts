import { allow, defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { Address } from './entities/address.entity.ts';
import { Customer } from './entities/customer.entity.ts';
import { createLoaders, type CustomersLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { seedCustomers } from './seed.ts';

/** Accounts, address books and login: the only subgraph that sees passwords, and it never returns them. */
export const customers = defineSubgraph<CustomersLoaders>({
  name: 'customers',
  port: 4006,
  schemaPath: new URL('../schema.graphql', import.meta.url),
  entities: [Customer, Address],
  migrations,
  createLoaders,
  resolvers,
  permissions: {
    // `me` is null for anonymous shoppers rather than an error: storefronts ask it on every page.
    Query: { me: allow.people },
    Mutation: {
      customerCreate: allow.people,
      customerAccessTokenCreate: allow.people,
      customerUpdate: allow.signedIn,
      customerAddressCreate: allow.signedIn,
      customerAddressUpdate: allow.signedIn,
      customerAddressDelete: allow.signedIn,
      customerDefaultAddressUpdate: allow.signedIn,
    },
  },
  seed: (ctx, { staff }) => seedCustomers(ctx, { staffEmail: staff.email, staffPassword: staff.password }),
  codegen: {
    contextType: '../context.ts#CustomersContext',
    mappers: {
      Customer: '../entities/customer.entity.ts#Customer',
      MailingAddress: '../entities/address.entity.ts#Address',
    },
  },
});
