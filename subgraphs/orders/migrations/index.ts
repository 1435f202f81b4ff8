import { Migration20261201000000_init } from './20261201000000-init.ts';
import { Migration20261202000000_payments_fulfilment } from './20261202000000-payments-fulfilment.ts';
import { Migration20261215000000_point_of_sale } from './20261215000000-point-of-sale.ts';
import { Migration20261216000000_abandoned_checkouts } from './20261216000000-abandoned-checkouts.ts';

export const migrations = [
  Migration20261201000000_init,
  Migration20261202000000_payments_fulfilment,
  Migration20261215000000_point_of_sale,
  Migration20261216000000_abandoned_checkouts,
];
