import { createRequire } from 'node:module';
import type { Operation, Selection, Type } from '@apollo/federation-internals';

// Inputs for result-shaping.test.ts: valid answers of a subgraph for an operation, and damaged copies of them.
// federation-internals as @apollo/gateway loads it (CommonJS), as the test does.
const fi = createRequire(import.meta.resolve('@apollo/gateway'))('@apollo/federation-internals') as typeof import('@apollo/federation-internals');

/** A tiny seeded PRNG: every run of the test checks the same variations. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

/** A valid input for an operation: each composite value with a __typename of a runtime type, lists of 0 to 3. */
export function validInput(operation: Operation, rand: () => number, listLength?: number): Record<string, unknown> {
  const root = Object.create(null) as Record<string, unknown>;
  fill(operation.selectionSet, root, operation.schema().schemaDefinition.rootType(operation.rootKind)!, rand, listLength);
  return root;
}

function fill(selectionSet: Operation['selectionSet'], out: Record<string, unknown>, runtime: Type, rand: () => number, listLength?: number): void {
  for (const selection of selectionSet.selections()) {
    if (selection.kind === 'FragmentSelection') {
      const condition = selection.element.typeCondition;
      if (!condition || fi.isSubtype(condition, runtime)) fill(selection.selectionSet, out, runtime, rand, listLength);
      continue;
    }
    const field = selection.element;
    if (field.definition.isSchemaIntrospectionField()) continue;
    if (field.name === '__typename') out[field.responseName()] = String(runtime);
    else out[field.responseName()] = valueOf(field.definition.type!, selection.selectionSet, out[field.responseName()], rand, listLength);
  }
}

function valueOf(type: Type, selectionSet: Selection['selectionSet'], existing: unknown, rand: () => number, listLength?: number): unknown {
  if (fi.isNonNullType(type)) return valueOf(type.ofType, selectionSet, existing, rand, listLength);
  if (fi.isListType(type)) {
    const list = Array.isArray(existing) ? existing : Array.from({ length: listLength ?? Math.floor(rand() * 4) }, () => undefined);
    return list.map((element) => valueOf(type.ofType, selectionSet, element, rand, listLength));
  }
  if (fi.isCompositeType(type)) {
    const object = (existing ?? {}) as Record<string, unknown>;
    const runtimes = fi.possibleRuntimeTypes(type);
    const runtime = object.__typename ? (runtimes.find((t) => t.name === object.__typename) ?? runtimes[0]!) : runtimes[Math.floor(rand() * runtimes.length)]!;
    object.__typename = runtime.name;
    fill(selectionSet!, object, runtime, rand, listLength);
    return object;
  }
  if (existing !== undefined) return existing;
  const schema = type.schema();
  if (type === schema.intType()) return Math.floor(rand() * 100);
  if (type === schema.floatType()) return rand() * 100;
  if (type === schema.booleanType()) return rand() < 0.5;
  if (fi.isEnumType(type)) return type.values[Math.floor(rand() * type.values.length)]!.name;
  return `s${Math.floor(rand() * 1000)}`;
}

const wrongValues = ['x', 'RED', 'Nope', 7, -0, 1.5, 1e21, 2 ** 60, true, false, {}, [], null, 'Product', 'User', 'Color', ''];

/** A copy of an input with some values dropped, nulled, wrong-typed, or with another (or invalid) __typename. */
export function mutate(value: unknown, rand: () => number, rate: number): unknown {
  if (Array.isArray(value)) return value.filter(() => rand() > rate / 4).map((element) => (rand() < rate ? pick(rand) : mutate(element, rand, rate)));
  if (!value || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, element] of Object.entries(value)) {
    const roll = rand();
    if (roll < rate / 3) continue;
    copy[key] = roll < rate ? pick(rand) : mutate(element, rand, rate);
  }
  return copy;
}
const pick = (rand: () => number) => structuredClone(wrongValues[Math.floor(rand() * wrongValues.length)]);
