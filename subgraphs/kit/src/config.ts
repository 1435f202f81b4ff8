/** Settings every process shares. Keys are read by keys.ts; production refuses to start without them. */
export const isProduction = (env: NodeJS.ProcessEnv = process.env) => env.NODE_ENV === 'production';

/** `<NAME>_DATABASE_URL` lets one domain move to its own cluster; otherwise all share DATABASE_URL. */
export function databaseUrlFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = env[`${subgraph.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL;
  if (!url) {
    throw new Error(`Set ${subgraph.toUpperCase()}_DATABASE_URL or DATABASE_URL, or run everything with \`npm start\`.`);
  }
  return url;
}

/** A process's port: PORT, else `<NAME>_PORT`, else its default. */
export function portFor(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PORT ?? env[`${name.toUpperCase()}_PORT`];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port for ${name}: ${raw}`);
  return port;
}
