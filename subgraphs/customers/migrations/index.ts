import { Migration20261122000000_init } from './20261122000000-init.ts';
import { Migration20261122010000_login_attempts } from './20261122010000-login-attempts.ts';
import { Migration20261215000000_partner_api_keys } from './20261215000000-partner-api-keys.ts';

export const migrations = [Migration20261122000000_init, Migration20261122010000_login_attempts, Migration20261215000000_partner_api_keys];
