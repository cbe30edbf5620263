import type { DefaultLimitValue, ResourceValue } from './isolator-types.js';
import { at, expectObject, getKey, optionalBoolean } from './json.js';
import { readQuantity as quantity, type QuantityUnit } from './quantity.js';
import { fail } from './validation-error.js';

/** resource/cpu and resource/memory: `default` must be false (absent is false). */
export function parseRequestLimit(raw: unknown, unit: QuantityUnit, field: string): ResourceValue {
  const obj = expectObject(raw, field);
  if (optionalBoolean(getKey(obj, 'default'), at(field, 'default')) === true) {
    fail(at(field, 'default'), 'must be false for this resource, got true');
  }
  const out: ResourceValue = {};
  const request = quantity(getKey(obj, 'request'), unit, at(field, 'request'));
  const limit = quantity(getKey(obj, 'limit'), unit, at(field, 'limit'));
  if (request !== undefined) out.request = request;
  if (limit !== undefined) out.limit = limit;
  return out;
}

/** Bandwidth and IOPS resources: `default` must be true and `request` is not supported. */
export function parseDefaultLimit(raw: unknown, field: string): DefaultLimitValue {
  const obj = expectObject(raw, field);
  if (optionalBoolean(getKey(obj, 'default'), at(field, 'default')) !== true) {
    fail(at(field, 'default'), 'must be true for this resource');
  }
  if (getKey(obj, 'request') !== undefined) {
    fail(at(field, 'request'), 'is not supported by this resource, must be absent');
  }
  const limit = quantity(getKey(obj, 'limit'), 'unit', at(field, 'limit'));
  return limit === undefined ? { default: true } : { default: true, limit };
}
