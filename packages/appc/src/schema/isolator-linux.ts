import type { CapabilitySetValue, SELinuxContextValue, SeccompSetValue } from './isolator-types.js';
import {
  at,
  expectArray,
  expectInteger,
  expectObject,
  getKey,
  item,
  optionalString,
  requiredString,
  stringMap,
} from './json.js';
import { fail, show } from './validation-error.js';

const ERRNO = /^E[A-Z0-9]+$/;

function nonEmptySet(obj: Record<string, unknown>, field: string): string[] {
  const setField = at(field, 'set');
  const value = getKey(obj, 'set');
  if (value === undefined) return fail(setField, 'must be a non-empty array');
  const set = expectArray(value, setField).map((v, i) => requiredString(v, item(setField, i)));
  if (set.length === 0) fail(setField, 'must be a non-empty array');
  return set;
}

/** capabilities-retain-set / -remove-set: `{set: [CAP_…]}`, names left to the executor to check. */
export function parseCapabilitySet(raw: unknown, field: string): CapabilitySetValue {
  return { set: nonEmptySet(expectObject(raw, field), field) };
}

/** seccomp-retain-set / -remove-set: `{set, errno?}`; an empty errno means "kill with SIGSYS". */
export function parseSeccompSet(raw: unknown, field: string): SeccompSetValue {
  const obj = expectObject(raw, field);
  const set = nonEmptySet(obj, field);
  const errno = optionalString(getKey(obj, 'errno'), at(field, 'errno'));
  if (errno === undefined || errno === '') return { set };
  if (!ERRNO.test(errno)) fail(at(field, 'errno'), `${show(errno)} must be an errno name such as "EPERM"`);
  return { set, errno };
}

export function parseBoolean(raw: unknown, field: string): boolean {
  if (typeof raw !== 'boolean') fail(field, `must be a boolean, got ${show(raw)}`);
  return raw;
}

export function parseOomScoreAdj(raw: unknown, field: string): number {
  return expectInteger(raw, field, -1000, 1000);
}

export function parseCpuShares(raw: unknown, field: string): number {
  return expectInteger(raw, field, 2, 262144);
}

export function parseSELinuxContext(raw: unknown, field: string): SELinuxContextValue {
  const obj = expectObject(raw, field);
  const part = (key: 'user' | 'role' | 'type' | 'level'): string => {
    const value = requiredString(getKey(obj, key), at(field, key));
    if (key !== 'level' && value.includes(':')) fail(at(field, key), `${show(value)} must not contain ":"`);
    return value;
  };
  return { user: part('user'), role: part('role'), type: part('type'), level: part('level') };
}

export function parseAppArmorProfile(raw: unknown, field: string): { profile: string } {
  const obj = expectObject(raw, field);
  return { profile: requiredString(getKey(obj, 'profile'), at(field, 'profile')) };
}

/** os/unix/sysctl: `{key: "value"}`; which keys a pod may set is the executor's policy. */
export function parseSysctl(raw: unknown, field: string): Record<string, string> {
  return stringMap(raw, field);
}
