// graphql 16 has no "exports" map: Node loads its CommonJS build for everyone (graphql-inspector and Apollo too),
// but a bundler-style resolver (vitest) would hand these files the ESM build, a second graphql whose schemas the
// others refuse ("from another module or realm"). Requiring it names the one copy in every runner.
import { createRequire } from 'node:module';

export const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
