import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Schema-qualified table names for hand-written SQL. MikroORM qualifies its own queries with the
 * subgraph's schema, but the connection's search_path is only set while migrating, so an unqualified
 * table in raw SQL would resolve to `public`.
 */
export function tables(em: EntityManager) {
  const schema = em.config.get('schema');
  const name = (table: string) => (schema ? `"${schema.replaceAll('"', '""')}"."${table}"` : `"${table}"`);
  return {
    location: name('location'),
    inventoryItem: name('inventory_item'),
    stockLevel: name('stock_level'),
    stockMovement: name('stock_movement'),
  };
}
