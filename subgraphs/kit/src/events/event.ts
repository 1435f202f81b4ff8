/**
 * What an event is, apart from the bus that carries it: the gateway reads events (its response cache's
 * invalidation) without loading the bus, the ORM and everything else a subgraph needs.
 */

/** A domain event as subscribers receive it. */
export interface DomainEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  /** The subgraph that emitted it. */
  producer: string;
  occurredAt: string;
  /** The request that caused it, so one change can be followed through every service's logs. */
  requestId: string | null;
  payload: T;
}

/** pg-boss's schema, shared by every subgraph's queues. */
export const EVENTS_SCHEMA = 'pgboss';
