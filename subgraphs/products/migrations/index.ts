import { Migration20261122000000_init } from './20261122000000-init.ts';

export const migrations = [Migration20261122000000_init];
