/**
 * The subgraphs as processes: name, default port and the variables each reads beyond the shared ones. Kept
 * apart from their definitions (subgraphs/index.ts) so that whoever only starts or wires them, the runner
 * above all, does not load every entity, resolver and the ORM to learn a port; index.ts checks that each
 * definition agrees with its line here. The order is the seed's (each domain after those it depends on).
 */
export interface SubgraphService {
  /** Lower-case name; also its PostgreSQL schema, its key's name and the prefix of its variables. */
  name: string;
  /** Default port (PORT or <NAME>_PORT override it). */
  port: number;
  /** Variables it reads beyond those every subgraph shares. */
  env?: readonly string[];
}

export const services: readonly SubgraphService[] = [
  { name: 'products', port: 4001 },
  { name: 'inventory', port: 4002 },
  { name: 'customers', port: 4006 },
  { name: 'cart', port: 4003 },
  { name: 'orders', port: 4004, env: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_URL', 'PAYMENT_TIMEOUT_MINUTES'] },
  { name: 'shipping', port: 4005, env: ['SMTP_URL', 'MAIL_DIR', 'MAIL_FROM'] },
];
