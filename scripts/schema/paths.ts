export const PUBLIC_SCHEMA = 'schema/public.graphql';
export const CHANGELOG = 'schema/CHANGELOG.md';
export const MANIFESTS = 'schema/persisted';
export const USAGE = 'schema/usage.md';
