/**
 * Stripe's v1 request encoding: `application/x-www-form-urlencoded` with bracket notation, which the SDK
 * produces for nested values (`metadata[orderId]=42`, `automatic_payment_methods[enabled]=true`,
 * `expand[0]=latest_charge`; curl users write `expand[]=latest_charge`). Decoded here into nested objects,
 * then read with Stripe's own validation messages, so a client learns what Stripe would have told it.
 */
import { invalidRequest, missingParam, unknownParam } from './errors.ts';

export type ParamValue = string | ParamValue[] | Params;
export interface Params {
  [name: string]: ParamValue;
}

export function decodeForm(text: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!match) throw invalidRequest(`Invalid parameter name: ${key}`);
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    assign(root, path, value, key);
  }
  return arraysOf(root) as Params;
}

function assign(target: Params, path: string[], value: string, key: string): void {
  let node = target;
  for (let i = 0; i < path.length; i++) {
    // `name[]` appends: give it the next index, so it reads like `name[0]`, `name[1]`.
    const segment = path[i] === '' ? String(Object.keys(node).length) : path[i]!;
    if (i === path.length - 1) {
      if (segment in node) throw invalidRequest(`Parameter given more than once: ${key}`, { param: key });
      node[segment] = value;
      return;
    }
    const next = node[segment] ?? {};
    if (typeof next === 'string' || Array.isArray(next)) throw invalidRequest(`Invalid nested parameter: ${key}`, { param: key });
    node[segment] = next;
    node = next;
  }
}

/** Objects whose keys are exactly 0..n-1 become arrays: the SDK's `expand[0]`, `expand[1]`. */
function arraysOf(value: ParamValue): ParamValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const key of keys) value[key] = arraysOf(value[key]!);
  const indexed = keys.length > 0 && keys.every((key) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < keys.length);
  return indexed ? keys.map(Number).sort((a, b) => a - b).map((i) => value[String(i)]!) : value;
}

/** Nested shapes a request may use; `true` allows any value there (metadata is free-form). */
export interface Shape {
  [name: string]: true | Shape;
}

/** Stripe refuses parameters it does not know, naming them in bracket form. */
export function refuseUnknown(params: Params, shape: Shape, prefix = ''): void {
  for (const [name, value] of Object.entries(params)) {
    const full = prefix ? `${prefix}[${name}]` : name;
    const allowed = shape[name];
    if (allowed === undefined) throw unknownParam(full);
    if (allowed !== true && typeof value === 'object' && !Array.isArray(value)) refuseUnknown(value, allowed, full);
  }
}

export function readString(params: Params, name: string, options: { required: true }): string;
export function readString(params: Params, name: string, options?: { required?: boolean }): string | undefined;
export function readString(params: Params, name: string, options: { required?: boolean } = {}): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') {
    if (options.required) throw missingParam(name);
    return undefined;
  }
  if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${JSON.stringify(value)}`, { param: name });
  return value;
}

export function readInteger(params: Params, name: string, options: { required: true }): number;
export function readInteger(params: Params, name: string, options?: { required?: boolean }): number | undefined;
export function readInteger(params: Params, name: string, options: { required?: boolean } = {}): number | undefined {
  const text = readString(params, name, options);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw invalidRequest(`Invalid integer: ${text}`, { code: 'parameter_invalid_integer', param: name });
  }
  return value;
}

export function readBoolean(params: Params, name: string, param = name): boolean | undefined {
  const text = readString(params, name);
  if (text === undefined) return undefined;
  if (text !== 'true' && text !== 'false') throw invalidRequest(`Invalid boolean: ${text}`, { param });
  return text === 'true';
}

export function readEnum<T extends string>(params: Params, name: string, values: readonly T[]): T | undefined {
  const text = readString(params, name);
  if (text === undefined) return undefined;
  if (!(values as readonly string[]).includes(text)) {
    const list = values.length > 1 ? `${values.slice(0, -1).join(', ')}, or ${values.at(-1)}` : values[0];
    throw invalidRequest(`Invalid ${name}: must be one of ${list}`, { param: name });
  }
  return text as T;
}

export function readStringArray(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw invalidRequest(`Invalid array`, { param: name });
  }
  return value as string[];
}

/** Stripe's limits: 50 keys, keys up to 40 characters, values up to 500; an empty value removes its key. */
export function readMetadata(params: Params): Record<string, string> | undefined {
  const value = params.metadata;
  if (value === undefined) return undefined;
  if (value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('Invalid object', { param: 'metadata' });
  const metadata: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    const param = `metadata[${key}]`;
    if (typeof item !== 'string') throw invalidRequest(`Invalid string: ${JSON.stringify(item)}`, { param });
    if (key.length > 40) throw invalidRequest('Metadata keys can have up to 40 characters.', { param });
    if (item.length > 500) throw invalidRequest('Metadata values can have up to 500 characters.', { param });
    if (item !== '') metadata[key] = item;
  }
  if (Object.keys(metadata).length > 50) throw invalidRequest('Metadata can have up to 50 keys.', { param: 'metadata' });
  return metadata;
}
