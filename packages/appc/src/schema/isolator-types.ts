/** Names of every isolator type this schema knows (appc 0.8.11+git). */
export const ISOLATOR_NAMES = Object.freeze({
  cpu: 'resource/cpu',
  memory: 'resource/memory',
  networkBandwidth: 'resource/network-bandwidth',
  blockBandwidth: 'resource/block-bandwidth',
  blockIops: 'resource/block-iops',
  capabilitiesRetainSet: 'os/linux/capabilities-retain-set',
  capabilitiesRemoveSet: 'os/linux/capabilities-remove-set',
  noNewPrivileges: 'os/linux/no-new-privileges',
  seccompRemoveSet: 'os/linux/seccomp-remove-set',
  seccompRetainSet: 'os/linux/seccomp-retain-set',
  oomScoreAdj: 'os/linux/oom-score-adj',
  cpuShares: 'os/linux/cpu-shares',
  selinuxContext: 'os/linux/selinux-context',
  apparmorProfile: 'os/linux/apparmor-profile',
  sysctl: 'os/unix/sysctl',
} as const);

export type KnownIsolatorName = (typeof ISOLATOR_NAMES)[keyof typeof ISOLATOR_NAMES];

export const KNOWN_ISOLATOR_NAMES: readonly KnownIsolatorName[] = Object.freeze(
  Object.values(ISOLATOR_NAMES),
);

/** resource/cpu (millicores) and resource/memory (bytes); `request` defaults to `limit` at run time. */
export interface ResourceValue {
  request?: bigint;
  limit?: bigint;
}

/** resource/network-bandwidth, block-bandwidth (bytes/s), block-iops (ops/s): `default` is always true. */
export interface DefaultLimitValue {
  default: true;
  limit?: bigint;
}

export interface CapabilitySetValue {
  /** Capability names as written (`CAP_NET_ADMIN`); not checked against a kernel list here. */
  set: string[];
}

export interface SeccompSetValue {
  /** Syscall names and `@`-wildcards such as `@appc.io/all`. */
  set: string[];
  /** `E` + uppercase letters/digits (`EPERM`); absent means blocked calls get SIGSYS. */
  errno?: string;
}

export interface SELinuxContextValue {
  user: string;
  role: string;
  type: string;
  level: string;
}

interface Typed<N extends KnownIsolatorName, V> {
  known: true;
  name: N;
  value: V;
  /** The JSON `value` exactly as read; the encoder writes this back, never `value`. */
  raw: unknown;
}

export type ResourceIsolator =
  | Typed<'resource/cpu', ResourceValue>
  | Typed<'resource/memory', ResourceValue>
  | Typed<'resource/network-bandwidth', DefaultLimitValue>
  | Typed<'resource/block-bandwidth', DefaultLimitValue>
  | Typed<'resource/block-iops', DefaultLimitValue>;

export type LinuxIsolator =
  | Typed<'os/linux/capabilities-retain-set', CapabilitySetValue>
  | Typed<'os/linux/capabilities-remove-set', CapabilitySetValue>
  | Typed<'os/linux/no-new-privileges', boolean>
  | Typed<'os/linux/seccomp-remove-set', SeccompSetValue>
  | Typed<'os/linux/seccomp-retain-set', SeccompSetValue>
  | Typed<'os/linux/oom-score-adj', number>
  | Typed<'os/linux/cpu-shares', number>
  | Typed<'os/linux/selinux-context', SELinuxContextValue>
  | Typed<'os/linux/apparmor-profile', { profile: string }>
  | Typed<'os/unix/sysctl', Record<string, string>>;

export type KnownIsolator = ResourceIsolator | LinuxIsolator;

/** A pod-level isolator of a type we do not know; kept verbatim so it can be reported and re-written. */
export interface UnknownIsolator {
  known: false;
  name: string;
  raw: unknown;
}

/** Narrow with `known` first, then `name`: `if (i.known && i.name === 'resource/memory') i.value.limit`. */
export type Isolator = KnownIsolator | UnknownIsolator;

export type IsolatorScope = 'app' | 'pod';
