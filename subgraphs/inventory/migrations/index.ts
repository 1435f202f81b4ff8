import { Migration20261122000000_init } from './20261122000000-init.ts';
import { Migration20261206000000_stock_reservations } from './20261206000000-stock-reservations.ts';
import { Migration20261212000000_restocks } from './20261212000000-restocks.ts';

export const migrations = [Migration20261122000000_init, Migration20261206000000_stock_reservations, Migration20261212000000_restocks];
