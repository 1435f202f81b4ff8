import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ApolloGateway } from '@apollo/gateway';
import type { Operation, Schema } from '@apollo/federation-internals';
import { parse, type DocumentNode } from 'graphql';
import type { Logger } from '#kit/logger.ts';
import type { PersistedManifests } from './safelist/index.ts';

/** The copy of federation-internals the gateway itself plans with (a dependency of @apollo/gateway, not ours). */
const { operationFromDocument } = createRequire(import.meta.resolve('@apollo/gateway'))('@apollo/federation-internals') as {
  operationFromDocument(schema: Schema, document: DocumentNode, options: { operationName?: string }): Operation;
};

/**
 * The parts of @apollo/gateway's ApolloGateway (2.14, pinned exactly in package.json) that its executor
 * uses to plan: the API schema, the planner and the plan cache. They are not public API; `warmQueryPlans`
 * checks they are there and logs (and warms nothing) when an upgrade has moved them.
 */
interface GatewayPlanning {
  apiSchema?: Schema;
  queryPlanner?: { buildQueryPlan(operation: Operation, options?: object): unknown };
  queryPlanStore?: { set(key: string, plan: unknown): Promise<void> | void };
  recursiveSelectionsLimitDisabled?: boolean;
  nonLocalSelectionsLimitDisabled?: boolean;
}

/**
 * Plans every persisted operation as soon as a supergraph loads (and again after each update, which
 * empties the gateway's plan cache), before the gateway reports ready: the first request of each
 * operation then costs no planning, which takes milliseconds to tens of milliseconds per operation and
 * would otherwise land on the first visitors after every start or deploy. `warmed()` settles when the
 * latest supergraph's plans are all made.
 *
 * One operation per turn of the event loop. Planning them all in one synchronous loop (half a second) left
 * V8 no turn in which to install the functions its background compilers had optimised meanwhile, and each
 * finished job kept its compiler's working memory until then: 40 MB of malloc at the peak, which glibc kept,
 * so the gateway started 45 MB larger (192 MB against 160) and stayed so.
 *
 * The cache key is the executor's: the sha256 of the query hash (a persisted operation's id, the sha256 of
 * its body) followed by the operation name when the request names one, else the query hash alone. Both
 * are stored, since clients may or may not send `operationName`; they share one plan.
 */
export function warmQueryPlans(gateway: ApolloGateway, manifests: PersistedManifests, log: Logger): { warmed(): Promise<void> } {
  let latest: Promise<void> = Promise.resolve();
  gateway.onSchemaLoadOrUpdate(() => {
    latest = warm(gateway as unknown as GatewayPlanning, manifests, log);
  });
  return { warmed: () => latest };
}

async function warm(planning: GatewayPlanning, manifests: PersistedManifests, log: Logger): Promise<void> {
  const { apiSchema, queryPlanner, queryPlanStore, recursiveSelectionsLimitDisabled, nonLocalSelectionsLimitDisabled } = planning;
  if (!apiSchema || !queryPlanner || !queryPlanStore) {
    log.warn('query plans not warmed: @apollo/gateway no longer exposes its planner and plan cache as 2.14 did');
    return;
  }
  const started = performance.now();
  let planned = 0;
  const operations = new Map([...manifests.values()].flatMap((manifest) => [...manifest]));
  for (const operation of operations.values()) {
    if (operation.type === 'subscription') continue;
    await new Promise((next) => setImmediate(next));
    // A newer supergraph loaded meanwhile: its own warm-up plans against it; these plans would be stale.
    if (planning.apiSchema !== apiSchema) return;
    try {
      const parsed = operationFromDocument(apiSchema, parse(operation.body), { operationName: operation.name });
      // The executor's own options, so the plan is the one it would have built.
      const plan = queryPlanner.buildQueryPlan(parsed, { recursiveSelectionsLimitDisabled, nonLocalSelectionsLimitDisabled });
      const named = createHash('sha256').update(operation.id).update(operation.name).digest('hex');
      // The store is an in-memory LRU; a failed set only means that operation is planned on first use.
      for (const key of [named, operation.id]) void Promise.resolve(queryPlanStore.set(key, plan)).catch(() => {});
      planned++;
    } catch (error) {
      // An operation the schema no longer serves fails at request time with its own error; not here.
      log.warn({ err: error, operation: operation.name, id: operation.id }, 'could not plan a persisted operation');
    }
  }
  log.info({ planned, ms: Math.round(performance.now() - started) }, 'query plans warmed for the persisted operations');
}
