import { Migration20261122000000_init } from './20261122000000-init.ts';
import { Migration20261122010000_login_attempts } from './20261122010000-login-attempts.ts';

export const migrations = [Migration20261122000000_init, Migration20261122010000_login_attempts];
