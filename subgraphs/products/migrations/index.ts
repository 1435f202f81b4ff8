import { Migration20261122000000_init } from './20261122000000-init.ts';
import { Migration20261124000000_tax_class_and_status } from './20261124000000-tax-class-and-status.ts';

export const migrations = [Migration20261122000000_init, Migration20261124000000_tax_class_and_status];
