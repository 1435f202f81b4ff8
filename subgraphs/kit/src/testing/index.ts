export { createTestDatabase, dropTestDatabases } from './test-database.ts';
export { startTestSubgraph, postGraphQL, TEST_SECRETS, type TestSubgraph, type GraphQLResult } from './subgraph-harness.ts';
export { startTestPostgres, freePort } from './postgres-server.ts';
