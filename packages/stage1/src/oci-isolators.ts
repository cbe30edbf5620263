import type { Isolator } from '@rkt/appc';
import { capabilitySet } from './oci-capabilities.js';
import { seccompProfile } from './oci-seccomp.js';
import type { OciResources, OciSeccomp } from './oci-spec.js';

/** What an app's isolators (bounded by the pod's) decide about its container. */
export interface AppIsolation {
  /** the capability set (bounding; also effective and permitted for root) */
  capabilities: string[];
  seccomp: OciSeccomp | undefined;
  noNewPrivileges: boolean;
  resources: OciResources;
  oomScoreAdj: number | undefined;
  warnings: string[];
}

const CPU_PERIOD_US = 100_000;
/** The kernel's smallest CFS quota. */
const MIN_CPU_QUOTA_US = 1000;

const HANDLED = new Set<string>([
  'resource/memory',
  'resource/cpu',
  'os/linux/capabilities-retain-set',
  'os/linux/capabilities-remove-set',
  'os/linux/seccomp-retain-set',
  'os/linux/seccomp-remove-set',
  'os/linux/no-new-privileges',
  'os/linux/oom-score-adj',
  'os/linux/cpu-shares',
]);

/**
 * Isolators → container settings. Memory and CPU limits are the smaller of the app's and the pod's
 * (each app is bounded by the pod limit; the apps together are not). no_new_privs is on unless the
 * app's isolator turns it off, and always on for a non-root app under a seccomp filter (as rkt).
 * Isolators this stage1 cannot enforce are reported in `warnings` (appc §5 asks to tell the user).
 */
export function appIsolation(
  app: string,
  uid: number,
  isolators: readonly Isolator[],
  podIsolators: readonly Isolator[],
): AppIsolation {
  const warnings: string[] = [];
  for (const i of [...isolators, ...podIsolators])
    if (!HANDLED.has(i.name))
      warnings.push(`app "${app}": isolator ${i.name} is not supported by this stage1; ignoring it`);
  const caps = capabilitySet(app, isolators);
  warnings.push(...caps.warnings);
  const seccomp = seccompProfile(app, isolators);
  let nnp = true;
  let oomScoreAdj: number | undefined;
  let shares: number | undefined;
  for (const i of isolators) {
    if (!i.known) continue;
    if (i.name === 'os/linux/no-new-privileges') nnp = i.value;
    if (i.name === 'os/linux/oom-score-adj') oomScoreAdj = i.value;
    if (i.name === 'os/linux/cpu-shares') shares = i.value;
  }
  const memory = smallest(limitOf(isolators, 'resource/memory'), limitOf(podIsolators, 'resource/memory'));
  const milli = smallest(limitOf(isolators, 'resource/cpu'), limitOf(podIsolators, 'resource/cpu'));
  const resources: OciResources = {};
  if (memory !== undefined) resources.memory = { limit: Number(memory) };
  if (milli !== undefined || shares !== undefined) {
    resources.cpu = {};
    if (shares !== undefined) resources.cpu.shares = shares;
    if (milli !== undefined) {
      resources.cpu.quota = Math.max(MIN_CPU_QUOTA_US, Number((milli * BigInt(CPU_PERIOD_US)) / 1000n));
      resources.cpu.period = CPU_PERIOD_US;
    }
  }
  return {
    capabilities: caps.set,
    seccomp,
    noNewPrivileges: nnp || (uid !== 0 && seccomp !== undefined),
    resources,
    oomScoreAdj,
    warnings,
  };
}

/** The last limit given by isolators of that name (rkt appends one per --memory/--cpu flag). */
function limitOf(
  isolators: readonly Isolator[],
  name: 'resource/memory' | 'resource/cpu',
): bigint | undefined {
  let limit: bigint | undefined;
  for (const i of isolators)
    if (i.known && i.name === name && i.value.limit !== undefined) limit = i.value.limit;
  return limit;
}

function smallest(a: bigint | undefined, b: bigint | undefined): bigint | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}
