import { createRequire } from 'node:module';
import { memoizeOperationFromDocument, type OperationFromDocument } from './operation-memo.ts';
import { createComputeResponse, type ComputeResponse } from './run.ts';

/** The @apollo/gateway whose internals these patches replace, pinned exactly in package.json. */
export const PATCHED_GATEWAY_VERSION = '2.14.4';

// On the patched functions, so a second install (another copy of this module, as vitest loads them) sees them.
const PATCHED = Symbol.for('supergraph-commerce.result-shaping');

const gatewayRequire = createRequire(import.meta.resolve('@apollo/gateway'));

interface Modules {
  shaping: { computeResponse: ComputeResponse };
  operations: { operationFromDocument: OperationFromDocument };
  internals: { operationFromDocument: OperationFromDocument };
}

/**
 * Makes @apollo/gateway's post-processing cheap: `computeResponse` (resultShaping.js, ~20% of the gateway's
 * CPU under load) runs a plan compiled once per Operation (run.ts), and executeQueryPlan's per-request
 * `operationFromDocument` returns the Operation of the same cached document (operation-memo.ts), so that
 * plan is found again. Same results, byte for byte (gateway/test/result-shaping.test.ts compares both).
 *
 * Both are CommonJS exports the gateway reads at each call: executeQueryPlan calls
 * `resultShaping_1.computeResponse(...)`, and `operationFromDocument` through federation-internals' index,
 * whose re-exports are getters reading `dist/operations`' exports. Replacing those two properties is the
 * patch; nothing else changes. Throws, before patching anything, when the library no longer looks like that.
 */
export function installFastResultShaping(): void {
  const { shaping, operations, internals } = checkedModules();
  if (!(PATCHED in shaping.computeResponse)) {
    shaping.computeResponse = Object.assign(createComputeResponse(shaping.computeResponse), { [PATCHED]: true });
  }
  if (!(PATCHED in operations.operationFromDocument)) {
    operations.operationFromDocument = Object.assign(memoizeOperationFromDocument(operations.operationFromDocument), { [PATCHED]: true });
  }
  if (internals.operationFromDocument !== operations.operationFromDocument) {
    throw new Error('@apollo/federation-internals no longer re-exports operationFromDocument through a getter: review gateway/src/result-shaping/install.ts');
  }
}

function checkedModules(): Modules {
  const review = (what: string) => new Error(`@apollo/gateway ${what}, not as ${PATCHED_GATEWAY_VERSION}: review gateway/src/result-shaping/install.ts`);
  const { version } = gatewayRequire('@apollo/gateway/package.json') as { version?: string };
  if (version !== PATCHED_GATEWAY_VERSION) throw review(`is ${version}`);
  const shaping = gatewayRequire('@apollo/gateway/dist/resultShaping') as Partial<Modules['shaping']>;
  const operations = gatewayRequire('@apollo/federation-internals/dist/operations') as Partial<Modules['operations']>;
  const internals = gatewayRequire('@apollo/federation-internals') as Partial<Modules['internals']>;
  if (!isWritableFunction(shaping, 'computeResponse')) throw review('has no writable resultShaping.computeResponse');
  if (!isWritableFunction(operations, 'operationFromDocument')) throw review("'s federation-internals has no writable operations.operationFromDocument");
  if (internals.operationFromDocument !== operations.operationFromDocument) throw review("'s federation-internals re-exports another operationFromDocument");
  return { shaping, operations, internals } as Modules;
}

function isWritableFunction(exports: object, name: string): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(exports, name);
  return !!descriptor && descriptor.writable === true && typeof descriptor.value === 'function';
}
