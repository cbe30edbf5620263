import { kindOf } from './json.js';
import { fail, show } from './validation-error.js';

/** Base unit of a parsed quantity: `unit` for bytes, bytes/s and ops/s; `milli` for millicores. */
export type QuantityUnit = 'unit' | 'milli';

const SHAPE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const DECIMAL_SUFFIX: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIX: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const MAX_EXPONENT = 64;
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A Kubernetes-style resource quantity (`128Mi`, `250m`, `1.5G`, `2e3`, or a JSON number) as an
 * integer count of base units, rounded away from zero like Quantity.Value()/MilliValue(). Never a
 * float: `parseQuantity('0.5', 'milli')` is 500n, `parseQuantity('1Ki')` is 1024n.
 */
export function parseQuantity(
  input: string | number,
  unit: QuantityUnit = 'unit',
  field = 'quantity',
): bigint {
  return toBaseUnits(input, unit, field);
}

/** A quantity read from JSON: absent stays absent, anything but a string or number is an error. */
export function readQuantity(value: unknown, unit: QuantityUnit, field: string): bigint | undefined {
  return value === undefined ? undefined : toBaseUnits(value, unit, field);
}

function toBaseUnits(input: unknown, unit: QuantityUnit, field: string): bigint {
  const text = quantityText(input, field);
  const bad = (why: string): never => fail(field, `${show(input)} is not a valid resource quantity: ${why}`);
  const m = SHAPE.exec(text);
  if (m === null) return bad('expected a number with an optional suffix such as 250m, 128Mi or 1G');
  const [, number = '', suffix = ''] = m;
  const digits = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(number);
  if (digits === null || (digits[2] === '' && (digits[3] ?? '') === '')) return bad('malformed number');
  const [, sign, whole = '', fraction = ''] = digits;
  let numerator = BigInt(whole + fraction || '0');
  let denominator = 10n ** BigInt(fraction.length);
  const scale = suffixScale(suffix) ?? bad(`unknown suffix ${show(suffix)}`);
  if (Math.abs(scale.power) > MAX_EXPONENT) return bad('exponent out of range');
  const factor = BigInt(scale.base) ** BigInt(Math.abs(scale.power));
  if (scale.power >= 0) numerator *= factor;
  else denominator *= factor;
  if (unit === 'milli') numerator *= 1000n;
  let magnitude = numerator / denominator;
  if (numerator % denominator !== 0n) magnitude += 1n;
  if (magnitude > INT64_MAX) return bad('out of range');
  return sign === '-' ? -magnitude : magnitude;
}

function quantityText(input: unknown, field: string): string {
  if (typeof input === 'string') return input;
  if (typeof input === 'number' && Number.isFinite(input)) return String(input);
  return fail(field, `must be a resource quantity (string or number), got ${kindOf(input)} ${show(input)}`);
}

function suffixScale(suffix: string): { base: number; power: number } | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIX, suffix)) return { base: 10, power: DECIMAL_SUFFIX[suffix] ?? 0 };
  if (Object.hasOwn(BINARY_SUFFIX, suffix)) return { base: 2, power: BINARY_SUFFIX[suffix] ?? 0 };
  const exponent = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
  if (exponent !== null) return { base: 10, power: Number(exponent[1]) };
  return undefined;
}
