import { createRequire } from 'node:module';
import type { CompositeType, Directive, Operation, Schema, Selection, SelectionSet, Type, Variable } from '@apollo/federation-internals';

/**
 * The copy of federation-internals @apollo/gateway itself runs (a dependency of the gateway, not ours): its
 * `Variable` class is what `instanceof` must see, and its type predicates check its own classes. graphql-js
 * is never used here: under vitest its ESM and CommonJS copies differ, and its predicates are instanceof checks.
 */
export const internals = createRequire(import.meta.resolve('@apollo/gateway'))('@apollo/federation-internals') as typeof import('@apollo/federation-internals');

/** How a field's declared type is walked: the wrappers unwrapped once, the leaf's validity check chosen once. */
export interface Shape {
  kind: typeof NON_NULL | typeof LIST | typeof COMPOSITE | typeof LEAF;
  /** The wrapped shape of a non-null or list type. */
  of: Shape | undefined;
  /** The federation type, for the library's own error messages (`${type}`) and its `isSubtype`. */
  type: Type;
  valid: ((value: unknown) => boolean) | undefined;
}
export const NON_NULL = 0;
export const LIST = 1;
export const COMPOSITE = 2;
export const LEAF = 3;

/**
 * `@skip`/`@include` as resultShaping's `shouldSkip` reads them, with literal arguments folded: what is left
 * are variables, read at run time in the library's order (skip first, include only when skip did not
 * already skip), each asserted boolean with the library's message.
 */
export interface Condition {
  skip: Variable | undefined;
  skipDirective: Directive | undefined;
  /** `@include(if: <falsy literal>)`: skipped, once the skip variable (if any) has been read. */
  excluded: boolean;
  include: Variable | undefined;
  includeDirective: Directive | undefined;
}

/** Whether a fragment's type condition applies, cached per `__typename` and per parent type (isSubtype is pure). */
export interface Applicability {
  typeCondition: CompositeType;
  byTypename: Map<string, boolean>;
  byParentType: Map<Type, boolean>;
}

/** One selection of a selection set; one shape for fields and fragments, so the walk's property reads stay monomorphic. */
export interface Step {
  isField: boolean;
  condition: Condition | undefined;
  responseName: string;
  /** `__schema`/`__type`: handed to `introspectionHandling` with the library's own selection object. */
  introspection: boolean;
  typename: boolean;
  shape: Shape | undefined;
  steps: Step[] | undefined;
  selection: Selection;
  applicability: Applicability | undefined;
}

export interface Plan {
  schema: Schema;
  rootType: CompositeType | undefined;
  steps: Step[];
  /** The operation's variable defaults, as `collectDefaultedVariableValues` returns them. */
  defaults: Record<string, unknown>;
  /** Only an operation with a variable `@skip`/`@include` needs the merged variables at all. */
  readsVariables: boolean;
  /**
   * The library shapes into null-prototype objects, which V8 keeps in dictionary mode: a hash table each,
   * slower to build and to serialise. Plain objects give the same JSON (response names are GraphQL names,
   * never integer-like, so key order is insertion order either way) unless a response name is `__proto__`,
   * which a plain object takes for its prototype: only such an operation gets null-prototype objects.
   */
  newObject: () => Record<string, unknown>;
}

interface Compilation {
  schema: Schema;
  sets: Map<SelectionSet, Step[]>;
  shapes: Map<Type, Shape>;
  applicabilities: Map<CompositeType, Applicability>;
  readsVariables: boolean;
  protoKey: boolean;
}

export function compilePlan(operation: Operation): Plan {
  const schema = operation.schema();
  const compilation: Compilation = { schema, sets: new Map(), shapes: new Map(), applicabilities: new Map(), readsVariables: false, protoKey: false };
  const rootType = schema.schemaDefinition.rootType(operation.rootKind);
  const steps = compileSet(compilation, operation.selectionSet);
  const defaults = operation.collectDefaultedVariableValues() as Record<string, unknown>;
  const newObject = compilation.protoKey ? () => Object.create(null) as Record<string, unknown> : () => ({}) as Record<string, unknown>;
  return { schema, rootType, steps, defaults, readsVariables: compilation.readsVariables, newObject };
}

// Memoized per SelectionSet: a named fragment spread in many places is one selection set, compiled once.
function compileSet(compilation: Compilation, selectionSet: SelectionSet): Step[] {
  let steps = compilation.sets.get(selectionSet);
  if (steps) return steps;
  steps = [];
  compilation.sets.set(selectionSet, steps);
  for (const selection of selectionSet.selections()) {
    const step = compileStep(compilation, selection);
    if (step) steps.push(step);
  }
  return steps;
}

function compileStep(compilation: Compilation, selection: Selection): Step | undefined {
  const condition = compileCondition(compilation, selection.element);
  if (condition === SKIPPED) return undefined;
  if (condition) compilation.readsVariables = true;
  const step: Step = {
    isField: selection.kind === 'FieldSelection',
    condition,
    responseName: '',
    introspection: false,
    typename: false,
    shape: undefined,
    steps: selection.selectionSet ? compileSet(compilation, selection.selectionSet) : undefined,
    selection,
    applicability: undefined,
  };
  if (selection.kind === 'FieldSelection') {
    const field = selection.element;
    step.responseName = field.responseName();
    if (step.responseName === '__proto__') compilation.protoKey = true;
    step.introspection = field.definition.isSchemaIntrospectionField();
    step.typename = field.name === internals.typenameFieldName;
    if (!step.introspection && !step.typename) step.shape = shapeOf(compilation, field.definition.type!);
  } else {
    const { typeCondition } = selection.element;
    if (typeCondition) step.applicability = applicabilityOf(compilation, typeCondition);
  }
  return step;
}

const SKIPPED = 'skipped';

function compileCondition(compilation: Compilation, element: Selection['element']): Condition | undefined | typeof SKIPPED {
  const { schema } = compilation;
  const skipDirective = element.appliedDirectivesOf(schema.skipDirective())[0] as Directive | undefined;
  const includeDirective = element.appliedDirectivesOf(schema.includeDirective())[0] as Directive | undefined;
  const skipIf = skipDirective ? ifArgument(skipDirective) : undefined;
  const includeIf = includeDirective ? ifArgument(includeDirective) : undefined;
  const skip = skipIf instanceof internals.Variable ? skipIf : undefined;
  const include = includeIf instanceof internals.Variable ? includeIf : undefined;
  if (!skip && skipIf) return SKIPPED;
  const excluded = !!includeDirective && !include && !includeIf;
  if (!skip && excluded) return SKIPPED;
  if (!skip && !include && !excluded) return undefined;
  return { skip, skipDirective, excluded, include, includeDirective };
}

function ifArgument(directive: Directive): unknown {
  return (directive.arguments() as { if?: unknown }).if;
}

function applicabilityOf(compilation: Compilation, typeCondition: CompositeType): Applicability {
  let applicability = compilation.applicabilities.get(typeCondition);
  if (!applicability) {
    applicability = { typeCondition, byTypename: new Map(), byParentType: new Map() };
    compilation.applicabilities.set(typeCondition, applicability);
  }
  return applicability;
}

function shapeOf(compilation: Compilation, type: Type): Shape {
  let shape = compilation.shapes.get(type);
  if (shape) return shape;
  if (internals.isNonNullType(type)) shape = { kind: NON_NULL, of: shapeOf(compilation, type.ofType), type, valid: undefined };
  else if (internals.isListType(type)) shape = { kind: LIST, of: shapeOf(compilation, type.ofType), type, valid: undefined };
  else if (internals.isCompositeType(type)) shape = { kind: COMPOSITE, of: undefined, type, valid: undefined };
  else shape = { kind: LEAF, of: undefined, type, valid: leafValidity(compilation.schema, type) };
  compilation.shapes.set(type, shape);
  return shape;
}

const integerString = /^-?(?:0|[1-9][0-9]*)$/;
const isInteger = (value: number) => Number.isSafeInteger(value) || (Number.isFinite(value) && integerString.test(String(value)));

/**
 * federation-internals' `isValidLeafValue(schema, value, type)` with its branches on `type` taken once:
 * custom scalars take anything; Boolean only booleans; Int integers (as its regexp reads `String(value)`);
 * ID integers or strings; Float finite numbers; String strings; an enum its own values' names.
 * Anything else (not expected of a leaf) asks the library each time.
 */
function leafValidity(schema: Schema, type: Type): (value: unknown) => boolean {
  if (internals.isCustomScalarType(type)) return () => true;
  if (type === schema.booleanType()) return (value) => typeof value === 'boolean';
  if (type === schema.intType()) return (value) => typeof value === 'number' && isInteger(value);
  if (type === schema.idType()) return (value) => typeof value === 'string' || (typeof value === 'number' && isInteger(value));
  if (type === schema.floatType()) return (value) => typeof value === 'number' && Number.isFinite(value);
  if (type === schema.stringType()) return (value) => typeof value === 'string';
  if (internals.isEnumType(type)) return (value) => typeof value === 'string' && type.value(value) !== undefined;
  return (value) => internals.isValidLeafValue(schema, value, type as Parameters<typeof internals.isValidLeafValue>[2]);
}
