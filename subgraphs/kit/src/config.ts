/**
 * Reads the settings every process shares. Production refuses to start without its secrets; development
 * is given them by the runner (`npm start`), which generates and keeps them under .data/.
 */
export interface Secrets {
  /** Signs and verifies customer access tokens. */
  jwtSecret: string;
  /** The gateway's key for the identity header it forwards to subgraphs. */
  subgraphSecret: string;
}

export const isProduction = (env: NodeJS.ProcessEnv = process.env) => env.NODE_ENV === 'production';

const MIN_SECRET_LENGTH = 32;

export function readSecrets(env: NodeJS.ProcessEnv = process.env): Secrets {
  const missing: string[] = [];
  const read = (name: string) => {
    const value = env[name];
    if (!value || value.length < MIN_SECRET_LENGTH) missing.push(name);
    return value ?? '';
  };
  const secrets = { jwtSecret: read('JWT_SECRET'), subgraphSecret: read('SUBGRAPH_SECRET') };
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(' and ')} must be set to at least ${MIN_SECRET_LENGTH} characters` +
        (isProduction(env) ? '.' : ' (`npm start` generates development values for you).'),
    );
  }
  return secrets;
}

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
