/**
 * What the runner passes on of its own environment (scripts/start.ts): Stripe's variables to the services that
 * take payments only, and each subgraph's own database where one is given.
 */
import { services as subgraphs } from '../subgraphs/services.ts';

/** What the orders service reads to reach Stripe; only subgraphs that declare a STRIPE_ variable get them. */
export const STRIPE_VARIABLES = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_URL'];

export function withoutStripe(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !STRIPE_VARIABLES.includes(name)));
}

export function pickEnv(names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
}

/** The subgraphs given a database of their own (<NAME>_DATABASE_URL), where `given` accepts the value. */
export function ownDatabaseUrls(given: (url: string | undefined) => boolean): Record<string, string> {
  return Object.fromEntries(subgraphs.flatMap(({ name }) => {
    const url = process.env[`${name.toUpperCase()}_DATABASE_URL`];
    return given(url) ? [[name, url!]] : [];
  }));
}
