export { createTestDatabase, dropTestDatabases } from './test-database.ts';
export { startTestSubgraph, postGraphQL, type TestSubgraph, type TestSubgraphOptions, type GraphQLResult } from './subgraph-harness.ts';
export { testKeyRing, untrustedKeyRing } from './test-keys.ts';
export { startTestPostgres, freePort } from './postgres-server.ts';
export { eventually } from './eventually.ts';
