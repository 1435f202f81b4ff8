import type { TestSupergraph } from './supergraph.ts';
import { seedCustomers } from '../../subgraphs/customers/src/seed.ts';
import { seedInventory } from '../../subgraphs/inventory/src/seed.ts';
import { seedProducts } from '../../subgraphs/products/src/seed.ts';

export const STAFF = { email: 'staff@example.com', password: 'staff-password-for-tests' };

/** Seeds the demo data into a test supergraph, through each domain's own seed, as `npm start` does. */
export async function seedDemo(system: TestSupergraph): Promise<{ variantIds: string[] }> {
  const { variantIds } = await seedProducts(system.subgraphs.products!.db.fork());
  await seedInventory(system.subgraphs.inventory!.db.fork(), { variantIds });
  await seedCustomers(system.subgraphs.customers!.db.fork(), { staffEmail: STAFF.email, staffPassword: STAFF.password });
  return { variantIds };
}
