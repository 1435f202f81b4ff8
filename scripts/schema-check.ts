/**
 * `npm run schema:check` (CI runs it): fails on a breaking change to the public schema that schema/CHANGELOG.md
 * does not acknowledge, in any commit of HEAD's history or in the working tree, on a client operation
 * (schema/persisted/*.json) that no longer validates, and on a stale schema/public.graphql or schema/usage.md.
 * See README, "Public schema governance".
 */
import { fileURLToPath } from 'node:url';
import { checkRepository, formatResult } from './schema-governance.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  const result = await checkRepository(root);
  console.log(formatResult(result));
  process.exitCode = result.problems.length > 0 ? 1 : 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
