import type { GraphQLError } from 'graphql';
import type { Operation, Selection, Type } from '@apollo/federation-internals';
import { compilePlan, COMPOSITE, internals, LIST, NON_NULL, type Applicability, type Condition, type Plan, type Shape, type Step } from './plan.ts';

/** resultShaping's `computeResponse`, as @apollo/gateway 2.14's executeQueryPlan calls it. */
export interface ComputeResponseArgs {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (selection: Selection) => unknown;
}
export type ComputeResponse = (args: ComputeResponseArgs) => { data: unknown; errors: GraphQLError[] };

/**
 * One response being shaped. `invalid` and `hasErrors` are `updateOutputValue`'s `isInvalid`/`hasErrors`
 * flags, set by every return of `update` and read by its caller straight away: no object per value.
 */
interface Run {
  plan: Plan;
  variables: Record<string, unknown> | undefined;
  merged: Record<string, unknown> | undefined;
  errors: GraphQLError[];
  introspectionHandling: (selection: Selection) => unknown;
  invalid: boolean;
  hasErrors: boolean;
}

const OK = false;
const NULL_BUBBLE_UP = true;
const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
const { ERRORS, isCompositeType, isObjectType, isSubtype, typenameFieldName } = internals;
// The library's own assert (its Error and message), called only once a check has failed, as the library's would have.
const assert: (condition: unknown, message: string | (() => string)) => void = internals.assert;

/**
 * computeResponse from a plan compiled once per Operation (executeQueryPlan's Operation is memoized per
 * document, see operation-memo.ts), walking plain objects instead of federation-internals' elements.
 * Operations it cannot compile (none expected) go to the library's own function.
 */
export function createComputeResponse(original: ComputeResponse): ComputeResponse {
  const plans = new WeakMap<Operation, Plan | null>();
  const planOf = (operation: Operation) => {
    let plan = plans.get(operation);
    if (plan === undefined) {
      try {
        plan = compilePlan(operation);
      } catch {
        plan = null;
      }
      plans.set(operation, plan);
    }
    return plan;
  };
  return function computeResponse(args) {
    const { operation, variables, input, introspectionHandling } = args;
    if (!input) return { data: input, errors: [] };
    const plan = planOf(operation);
    if (!plan) return original(args);
    const run: Run = { plan, variables, merged: undefined, errors: [], introspectionHandling, invalid: false, hasErrors: false };
    const data = plan.newObject();
    const result = applySteps(run, input, plan.steps, data, [], plan.rootType as Type);
    return { data: result === NULL_BUBBLE_UP ? null : data, errors: run.errors };
  };
}

// The library's `{ __proto__: null, ...defaults, ...variables }`, built only when a condition reads it.
function variableValue(run: Run, variable: { name: string }): unknown {
  run.merged ??= Object.assign(Object.create(null) as Record<string, unknown>, run.plan.defaults, run.variables);
  return run.merged[variable.name];
}

function conditionValue(run: Run, variable: { name: string }, directive: unknown): boolean {
  const value = variableValue(run, variable);
  if (value === undefined || typeof value !== 'boolean') assert(false, `Unexpected value ${value} for variable ${variable} of ${directive}`);
  return value as boolean;
}

function skips(run: Run, condition: Condition): boolean {
  if (condition.skip && conditionValue(run, condition.skip, condition.skipDirective)) return true;
  if (condition.excluded) return true;
  return !!condition.include && !conditionValue(run, condition.include, condition.includeDirective);
}

function typeConditionApplies(run: Run, applicability: Applicability, typename: unknown, parentType: Type): boolean {
  if (typename) {
    const name = typename as string;
    const cached = applicability.byTypename.get(name);
    if (cached !== undefined) return cached;
    const type = run.plan.schema.type(name);
    if (!type) return false;
    // Only names of the schema's types are remembered: a subgraph cannot grow this map.
    const applies = isSubtype(applicability.typeCondition, type);
    applicability.byTypename.set(name, applies);
    return applies;
  }
  let applies = applicability.byParentType.get(parentType);
  if (applies === undefined) {
    applies = isSubtype(applicability.typeCondition, parentType);
    applicability.byParentType.set(parentType, applies);
  }
  return applies;
}

/** resultShaping's `applySelectionSet`. */
function applySteps(run: Run, input: Record<string, unknown>, steps: Step[], output: Record<string, unknown>, path: (string | number)[], parentType: Type): boolean {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.condition && skips(run, step.condition)) continue;
    if (step.isField) {
      const responseName = step.responseName;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = run.introspectionHandling(step.selection);
        continue;
      }
      let inputValue = (hasOwn(input, responseName) ? input[responseName] : undefined) ?? null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = inputValue !== null && typeof inputValue === 'string' ? (run.plan.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      output[responseName] = update(run, outputValue, step.shape!, inputValue, step.steps, path, parentType);
      path.pop();
      if (run.invalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      if (typename && typeof typename !== 'string') assert(false, `Got unexpected value for __typename: ${typename}`);
      const applicability = step.applicability;
      if (!applicability || typeConditionApplies(run, applicability, typename, parentType)) {
        if (applySteps(run, input, step.steps!, output, path, applicability ? applicability.typeCondition : parentType) === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function done(run: Run, value: unknown, invalid: boolean, hasErrors: boolean): unknown {
  run.invalid = invalid;
  run.hasErrors = hasErrors;
  return value;
}

function describeLast(path: (string | number)[], currentType: Type, parentType: Type): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

function fail(run: Run, message: string, path: (string | number)[]): void {
  run.errors.push(ERRORS.INVALID_GRAPHQL.err(message, { path: Array.from(path) }));
}

/** resultShaping's `updateOutputValue`: the value to store, its flags left in `run`. */
function update(run: Run, outputValue: unknown, shape: Shape, inputValue: unknown, steps: Step[] | undefined, path: (string | number)[], parentType: Type): unknown {
  if (inputValue === undefined) assert(false, 'Should not pass undefined for `inputValue` to this method');
  if (outputValue === null || (outputValue !== undefined && !steps)) return done(run, outputValue, false, false);
  const type = shape.type;
  if (shape.kind === NON_NULL) {
    const updated = update(run, outputValue, shape.of!, inputValue, steps, path, parentType);
    if (updated !== null) return done(run, updated, false, false);
    if (!run.hasErrors) fail(run, `Cannot return null for non-nullable ${describeLast(path, shape.of!.type, parentType)}.`, path);
    return done(run, null, true, true);
  }
  if (inputValue === null) return done(run, null, false, false);
  if (shape.kind === LIST) return updateList(run, outputValue, shape, inputValue, steps, path, parentType);
  if (shape.kind === COMPOSITE) {
    if (!steps) assert(false, `Invalid empty selection set for composite type ${type}`);
    if (typeof inputValue !== 'object') assert(false, `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`);
    if (outputValue !== undefined && typeof outputValue !== 'object') assert(false, `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`);
    const object = inputValue as Record<string, unknown>;
    const inputTypename = object[typenameFieldName];
    if (inputTypename !== undefined && typeof inputTypename !== 'string') assert(false, `Invalid non-string value ${inputTypename} for __typename at ${path}`);
    let objectType = type;
    if (inputTypename) {
      const typenameType = run.plan.schema.type(inputTypename as string);
      if (!typenameType || !isCompositeType(typenameType)) {
        fail(run, `Invalid __typename found for object at ${describeLast(path, type, parentType)}.`, path);
        return done(run, null, false, true);
      }
      objectType = typenameType;
    }
    const outputObject = (outputValue === undefined ? run.plan.newObject() : outputValue) as Record<string, unknown>;
    const bubbled = applySteps(run, object, steps!, outputObject, path, objectType) === NULL_BUBBLE_UP;
    return done(run, bubbled ? null : outputObject, false, bubbled);
  }
  if (outputValue !== undefined) assert(false, `Excepted output to be undefined but got ${type} for type ${type}`);
  const valid = shape.valid!(inputValue);
  if (!valid) fail(run, `Invalid value found for ${describeLast(path, type, parentType)}.`, path);
  return done(run, valid ? inputValue : null, false, !valid);
}

function updateList(run: Run, outputValue: unknown, shape: Shape, inputValue: unknown, steps: Step[] | undefined, path: (string | number)[], parentType: Type): unknown {
  const type = shape.type;
  if (!Array.isArray(inputValue)) assert(false, `Invalid non-list value ${inputValue} returned by subgraph for list type ${type}`);
  if (outputValue !== undefined && !Array.isArray(outputValue)) assert(false, `Invalid non-list value ${outputValue} returned by subgraph for list type ${type}`);
  const inputList = inputValue as unknown[];
  const outputList = outputValue as unknown[] | undefined;
  const length = outputList ? outputList.length : inputList.length;
  if (inputList.length !== length) {
    const shown = outputList ?? new Array(inputList.length).fill(undefined);
    assert(false, `[${inputList}].length (${inputList.length}) !== [${shown}].length (${shown.length})`);
  }
  const element = shape.of!;
  const updated: unknown[] = [];
  let shouldNullify = false;
  let hasErrors = false;
  for (let index = 0; index < length; index++) {
    path.push(index);
    updated.push(update(run, outputList ? outputList[index] : undefined, element, inputList[index], steps, path, parentType));
    path.pop();
    shouldNullify ||= run.invalid;
    hasErrors ||= run.hasErrors;
  }
  return done(run, shouldNullify ? null : updated, false, hasErrors);
}
