import { Migration20261125000000_init } from './20261125000000-init.ts';

export const migrations = [Migration20261125000000_init];
