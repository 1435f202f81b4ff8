import DataLoader from 'dataloader';
import type { LoaderScope } from '#kit';
import { Address } from './entities/address.entity.ts';
import { Customer } from './entities/customer.entity.ts';

export interface CustomersLoaders {
  customerById: DataLoader<string, Customer | null>;
  /** A customer's whole address book, oldest first: it is capped (MAX_ADDRESSES), so pages slice it in memory. */
  addressesByCustomerId: DataLoader<string, Address[]>;
  addressById: DataLoader<string, Address | null>;
}

export function createLoaders({ em }: LoaderScope): CustomersLoaders {
  const addressById = new DataLoader<string, Address | null>(async (ids) => {
    const rows = await em.find(Address, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    customerById: new DataLoader(async (ids) => {
      const rows = await em.find(Customer, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    addressesByCustomerId: new DataLoader(async (customerIds) => {
      const rows = await em.find(
        Address,
        { customerId: { $in: [...customerIds] } },
        { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      );
      const byCustomer = new Map<string, Address[]>(customerIds.map((id) => [id, []]));
      for (const row of rows) byCustomer.get(row.customerId)?.push(row);
      return customerIds.map((id) => byCustomer.get(id) ?? []);
    }),
    addressById,
  };
}
