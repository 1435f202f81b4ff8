import { Migration20261201000000_init } from './20261201000000-init.ts';

export const migrations = [Migration20261201000000_init];
