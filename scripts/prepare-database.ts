import { openDatabase, type Database, type Logger } from '#kit';
import { subgraphs } from '../subgraphs/index.ts';
import { seedCustomers } from '../subgraphs/customers/src/seed.ts';
import { seedInventory } from '../subgraphs/inventory/src/seed.ts';
import { seedProducts } from '../subgraphs/products/src/seed.ts';

/**
 * Applies every subgraph's migrations, then seeds the demo data into the domains that are still empty.
 * The seed is a development tool: it is the one place allowed to hand one domain's ids to another
 * (products' variant ids to inventory), which in production happens through events.
 */
export async function prepareDatabase(
  databaseUrlFor: (subgraph: string) => string,
  options: { staffEmail: string; staffPassword: string; log: Logger },
): Promise<{ seeded: string[] }> {
  const { log } = options;
  const databases = new Map<string, Database>();
  try {
    for (const subgraph of subgraphs) {
      const db = await openDatabase({
        schema: subgraph.name,
        url: databaseUrlFor(subgraph.name),
        entities: subgraph.entities,
        migrations: subgraph.migrations,
        log,
      });
      databases.set(subgraph.name, db);
      await db.migrate();
    }
    const em = (name: string) => databases.get(name)!.fork();
    const seeded: string[] = [];
    const started = performance.now();
    const catalog = await seedProducts(em('products'));
    if (catalog.created) seeded.push('products');
    if ((await seedInventory(em('inventory'), { variantIds: catalog.variantIds })).created) seeded.push('inventory');
    const staff = { staffEmail: options.staffEmail, staffPassword: options.staffPassword };
    if ((await seedCustomers(em('customers'), staff)).created) seeded.push('customers');
    if (seeded.length > 0) log.info({ seeded, ms: Math.round(performance.now() - started) }, 'seeded demo data');
    return { seeded };
  } finally {
    await Promise.all([...databases.values()].map((db) => db.close()));
  }
}
