import { allow, defineSubgraph, type Permission } from '#kit';
import { migrations } from '../migrations/index.ts';
import { Address } from './entities/address.entity.ts';
import { Customer } from './entities/customer.entity.ts';
import { PartnerApiKey } from './entities/partner-api-key.entity.ts';
import { createLoaders, type CustomersLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { seedCustomers } from './seed.ts';

/**
 * The gateway asking on its own behalf: it signs as itself, presenting an anonymous viewer, to verify a
 * partner's `X-API-Key`. `partnerByApiKey` is @inaccessible, so no client can reach it through the gateway;
 * only a direct call signed with the gateway's key (which is what "anonymous" means here) gets to it. Staff,
 * customers and other subgraphs are refused.
 */
const gatewayItself: Permission = { describe: 'the gateway itself (anonymous, direct call)', allows: (viewer) => viewer.role === 'anonymous' };

/** Accounts, address books and login: the only subgraph that sees passwords, and it never returns them. */
export const customers = defineSubgraph<CustomersLoaders>({
  name: 'customers',
  port: 4006,
  schemaPath: new URL('../schema.graphql', import.meta.url),
  entities: [Customer, Address, PartnerApiKey],
  migrations,
  createLoaders,
  resolvers,
  permissions: {
    // `me` is null for anonymous shoppers rather than an error: storefronts ask it on every page.
    Query: { me: allow.people, partnerApiKeys: allow.staff, partnerByApiKey: gatewayItself },
    Mutation: {
      customerCreate: allow.people,
      customerAccessTokenCreate: allow.people,
      customerUpdate: allow.signedIn,
      customerAddressCreate: allow.signedIn,
      customerAddressUpdate: allow.signedIn,
      customerAddressDelete: allow.signedIn,
      customerDefaultAddressUpdate: allow.signedIn,
      partnerApiKeyCreate: allow.staff,
      partnerApiKeyRevoke: allow.staff,
    },
  },
  seed: (ctx, { staff }) => seedCustomers(ctx, { staffEmail: staff.email, staffPassword: staff.password }),
  codegen: {
    contextType: '../context.ts#CustomersContext',
    mappers: {
      Customer: '../entities/customer.entity.ts#Customer',
      MailingAddress: '../entities/address.entity.ts#Address',
      PartnerApiKey: '../entities/partner-api-key.entity.ts#PartnerApiKey',
    },
  },
});
