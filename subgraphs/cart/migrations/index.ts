import { Migration20261125000000_init } from './20261125000000-init.ts';
import { Migration20261212000000_completed_carts } from './20261212000000-completed-carts.ts';
import { Migration20261213000000_cart_orders } from './20261213000000-cart-orders.ts';
import { Migration20261216000000_checking_out } from './20261216000000-checking-out.ts';
import { Migration20261224000000_till_location } from './20261224000000-till-location.ts';

export const migrations = [
  Migration20261125000000_init,
  Migration20261212000000_completed_carts,
  Migration20261213000000_cart_orders,
  Migration20261216000000_checking_out,
  Migration20261224000000_till_location,
];
