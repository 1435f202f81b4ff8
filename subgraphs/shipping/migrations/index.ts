import { Migration20261125000000_init } from './20261125000000-init.ts';
import { Migration20261205000000_shipments } from './20261205000000-shipments.ts';
import { Migration20261207000000_notifications } from './20261207000000-notifications.ts';

export const migrations = [Migration20261125000000_init, Migration20261205000000_shipments, Migration20261207000000_notifications];
