import { fail, show } from './validation-error.js';

/** A parsed JSON object. Read fields with `getKey`, never by direct indexing (key case is folded). */
export type JsonObject = { readonly [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Path of a member: `app` + `exec` → `app.exec`; the top level has the empty path. */
export function at(field: string, key: string): string {
  return field === '' ? key : `${field}.${key}`;
}

export function item(field: string, index: number): string {
  return `${field}[${index}]`;
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function wrongType(field: string, expected: string, value: unknown): never {
  return fail(field, `must be ${expected}, got ${kindOf(value)} ${show(value)}`);
}

/**
 * The value of `key`, matched ASCII-case-insensitively as Go's encoding/json does; when several keys
 * match, the last one wins (also Go). JSON `null` reads as absent, as it does for Go's zero values.
 */
export function getKey(obj: JsonObject, key: string): unknown {
  const wanted = key.toLowerCase();
  let found: unknown = undefined;
  for (const k of Object.keys(obj)) {
    if (asciiLower(k) === wanted) found = obj[k];
  }
  return found === null ? undefined : found;
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function expectObject(value: unknown, field: string): JsonObject {
  if (!isJsonObject(value)) return wrongType(field, 'an object', value);
  return value;
}

export function expectArray(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) return wrongType(field, 'an array', value);
  return value;
}

export function expectString(value: unknown, field: string): string {
  if (typeof value !== 'string') return wrongType(field, 'a string', value);
  return value;
}

/** A string that must be present and non-empty (Go's "x is required" / "x must be set"). */
export function requiredString(value: unknown, field: string): string {
  if (value === undefined || value === '') return fail(field, 'is required');
  return expectString(value, field);
}

export function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : expectString(value, field);
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') return wrongType(field, 'a boolean', value);
  return value;
}

export function expectInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType(field, 'an integer', value);
  if (value < min || value > max) return fail(field, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function optionalArray(value: unknown, field: string): readonly unknown[] | undefined {
  return value === undefined ? undefined : expectArray(value, field);
}

export function stringArray(value: unknown, field: string): string[] {
  return expectArray(value, field).map((v, i) => expectString(v, item(field, i)));
}

/** `{string: string}` maps (userAnnotations, userLabels, sysctl); keys are free-form. */
export function stringMap(value: unknown, field: string): Record<string, string> {
  const obj = expectObject(value, field);
  return Object.fromEntries(
    Object.keys(obj).map((k) => [k, expectString(obj[k], `${field}[${JSON.stringify(k)}]`)]),
  );
}

/** Deepest nesting accepted in free-form values (isolator values); bounds recursion when cloning or writing. */
export const MAX_JSON_DEPTH = 64;

export function assertMaxDepth(value: unknown, field: string): void {
  const stack: Array<[unknown, number]> = [[value, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [v, depth] = next;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_JSON_DEPTH) fail(field, `is nested more than ${MAX_JSON_DEPTH} levels deep`);
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
}
