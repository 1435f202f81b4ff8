import { Migration20261122000000_init } from './20261122000000-init.ts';
import { Migration20261206000000_stock_reservations } from './20261206000000-stock-reservations.ts';

export const migrations = [Migration20261122000000_init, Migration20261206000000_stock_reservations];
