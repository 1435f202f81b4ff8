/**
 * `npm run keys -- <folder>`: a fresh key set, one Ed25519 pair per process. Give each process its own
 * `<name>.key` and every `.pub` (KEYS_DIR pointing at a folder holding just those, or one variable per
 * key: GATEWAY_PRIVATE_KEY, CUSTOMERS_PUBLIC_KEY, ...). No process should ever see another's `.key`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { GATEWAY, writeKeySet } from '#kit';
import { subgraphs } from '../subgraphs/index.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: npm run keys -- <folder>');
  process.exit(2);
}
const dir = resolve(folder);
if (existsSync(dir) && readdirSync(dir).some((file) => file.endsWith('.key'))) {
  console.error(`${dir} already holds keys; refusing to overwrite them.`);
  process.exit(1);
}
const principals = [GATEWAY, ...subgraphs.map((subgraph) => subgraph.name)];
writeKeySet(dir, principals);
console.log(`wrote ${principals.length} key pairs to ${dir}:`);
for (const principal of principals) console.log(`  ${principal}.key (private: only the ${principal} process)  ${principal}.pub`);
