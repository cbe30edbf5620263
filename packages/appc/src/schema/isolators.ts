import { readACIdentifier } from './identifiers.js';
import {
  parseAppArmorProfile,
  parseBoolean,
  parseCapabilitySet,
  parseCpuShares,
  parseOomScoreAdj,
  parseSELinuxContext,
  parseSeccompSet,
  parseSysctl,
} from './isolator-linux.js';
import { parseDefaultLimit, parseRequestLimit } from './isolator-resource.js';
import type { Isolator, IsolatorScope, KnownIsolator, KnownIsolatorName } from './isolator-types.js';
import { assertMaxDepth, at, expectArray, expectObject, getKey, item } from './json.js';
import { fail, show } from './validation-error.js';

type ValueOf<N extends KnownIsolatorName> = Extract<KnownIsolator, { name: N }>['value'];

interface Rule<N extends KnownIsolatorName> {
  scopes: readonly IsolatorScope[];
  /** Whether one list may hold several isolators of this type (Go's multipleAllowed). */
  multiple: boolean;
  conflicts: readonly KnownIsolatorName[];
  parse: (raw: unknown, field: string) => ValueOf<N>;
}

const BOTH: readonly IsolatorScope[] = ['app', 'pod'];
const APP: readonly IsolatorScope[] = ['app'];
const POD: readonly IsolatorScope[] = ['pod'];
const CAPS_RETAIN = 'os/linux/capabilities-retain-set';
const CAPS_REMOVE = 'os/linux/capabilities-remove-set';
const SECCOMP_RETAIN = 'os/linux/seccomp-retain-set';
const SECCOMP_REMOVE = 'os/linux/seccomp-remove-set';

const RULES: { readonly [N in KnownIsolatorName]: Rule<N> } = {
  'resource/cpu': {
    scopes: BOTH,
    multiple: true,
    conflicts: [],
    parse: (r, f) => parseRequestLimit(r, 'milli', f),
  },
  'resource/memory': {
    scopes: BOTH,
    multiple: true,
    conflicts: [],
    parse: (r, f) => parseRequestLimit(r, 'unit', f),
  },
  'resource/network-bandwidth': { scopes: BOTH, multiple: true, conflicts: [], parse: parseDefaultLimit },
  'resource/block-bandwidth': { scopes: BOTH, multiple: true, conflicts: [], parse: parseDefaultLimit },
  'resource/block-iops': { scopes: BOTH, multiple: true, conflicts: [], parse: parseDefaultLimit },
  // Go lets retain and remove sets coexist; the spec forbids it and the result would be ambiguous.
  [CAPS_RETAIN]: { scopes: APP, multiple: true, conflicts: [CAPS_REMOVE], parse: parseCapabilitySet },
  [CAPS_REMOVE]: { scopes: APP, multiple: true, conflicts: [CAPS_RETAIN], parse: parseCapabilitySet },
  'os/linux/no-new-privileges': { scopes: APP, multiple: true, conflicts: [], parse: parseBoolean },
  [SECCOMP_REMOVE]: { scopes: APP, multiple: false, conflicts: [SECCOMP_RETAIN], parse: parseSeccompSet },
  [SECCOMP_RETAIN]: { scopes: APP, multiple: false, conflicts: [SECCOMP_REMOVE], parse: parseSeccompSet },
  'os/linux/oom-score-adj': { scopes: APP, multiple: false, conflicts: [], parse: parseOomScoreAdj },
  'os/linux/cpu-shares': { scopes: APP, multiple: false, conflicts: [], parse: parseCpuShares },
  'os/linux/selinux-context': { scopes: BOTH, multiple: false, conflicts: [], parse: parseSELinuxContext },
  'os/linux/apparmor-profile': { scopes: BOTH, multiple: false, conflicts: [], parse: parseAppArmorProfile },
  'os/unix/sysctl': { scopes: POD, multiple: false, conflicts: [], parse: parseSysctl },
};

export function isKnownIsolatorName(name: string): name is KnownIsolatorName {
  return Object.hasOwn(RULES, name);
}

/**
 * One `{name, value}` isolator. In an app an unknown name is an error (as in Go); in a pod it is kept
 * as an UnknownIsolator for the executor to report. Known types are checked in both places.
 */
export function parseIsolator(input: unknown, field: string, scope: IsolatorScope): Isolator {
  const obj = expectObject(input, field);
  const nameField = at(field, 'name');
  const name = readACIdentifier(getKey(obj, 'name'), nameField);
  assertMaxDepth(getKey(obj, 'value'), at(field, 'value'));
  const raw: unknown = structuredClone(getKey(obj, 'value'));
  if (!isKnownIsolatorName(name)) {
    if (scope === 'app') fail(nameField, `unknown isolator ${show(name)}`);
    return { known: false, name, raw };
  }
  const rule = RULES[name] as Rule<KnownIsolatorName>;
  if (!rule.scopes.includes(scope)) fail(nameField, `${show(name)} is not allowed in ${scope} isolators`);
  if (raw === undefined) fail(at(field, 'value'), `is required for ${show(name)}`);
  return { known: true, name, value: rule.parse(raw, at(field, 'value')), raw } as KnownIsolator;
}

/** A list of isolators, with the per-list rules: single-instance types and conflicting pairs. */
export function parseIsolators(value: unknown, field: string, scope: IsolatorScope): Isolator[] {
  const isolators = expectArray(value, field).map((v, i) => parseIsolator(v, item(field, i), scope));
  const seen = new Set<string>();
  isolators.forEach((iso, i) => {
    if (!iso.known) return;
    const rule = RULES[iso.name] as Rule<KnownIsolatorName>;
    const nameField = at(item(field, i), 'name');
    if (seen.has(iso.name) && !rule.multiple)
      fail(nameField, `only one ${show(iso.name)} isolator is allowed`);
    const clash = rule.conflicts.find((c) => seen.has(c));
    if (clash !== undefined) fail(nameField, `${show(iso.name)} cannot be combined with ${show(clash)}`);
    seen.add(iso.name);
  });
  return isolators;
}
