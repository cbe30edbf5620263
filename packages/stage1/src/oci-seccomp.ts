import type { Isolator, SeccompSetValue } from '@rkt/appc';
import { errnoNumber } from './errno.js';
import { stage1Error } from './errors.js';
import type { OciSeccomp } from './oci-spec.js';
import {
  DOCKER_DEFAULT_WHITELIST,
  ENOSYS_FALLBACKS,
  RKT_DEFAULT_BLACKLIST,
  RKT_DEFAULT_WHITELIST,
} from './seccomp-lists.js';

const ENOSYS = 38;
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  '@rkt/default-whitelist': RKT_DEFAULT_WHITELIST,
  '@rkt/default-blacklist': RKT_DEFAULT_BLACKLIST,
  '@docker/default-whitelist': DOCKER_DEFAULT_WHITELIST,
  '@docker/default-blacklist': RKT_DEFAULT_BLACKLIST,
};

/**
 * An app's seccomp filter (rkt.md §6.3), or undefined for none (`retain-set` with `@appc.io/all`).
 * No isolator: rkt's default whitelist. retain-set: only the listed calls. remove-set: all but the
 * listed ones (`@appc.io/empty`: the default whitelist). A blocked call kills the process (SIGSYS)
 * unless the isolator names an errno, which the call then fails with.
 */
export function seccompProfile(app: string, isolators: readonly Isolator[]): OciSeccomp | undefined {
  const found = isolators.filter(
    (i) => i.known && (i.name === 'os/linux/seccomp-retain-set' || i.name === 'os/linux/seccomp-remove-set'),
  );
  if (found.length > 1)
    throw stage1Error(
      'PLAN_INPUT',
      `app "${app}": only one seccomp isolator is allowed, got ${found.length}`,
    );
  const isolator = found[0];
  if (isolator === undefined || !isolator.known) return whitelist(RKT_DEFAULT_WHITELIST, undefined);
  const value = isolator.value as SeccompSetValue;
  const errno = errnoOf(app, value.errno);
  if (isolator.name === 'os/linux/seccomp-retain-set') {
    if (value.set.includes('@appc.io/all')) return undefined;
    return whitelist(expand(app, value.set), errno);
  }
  if (value.set.includes('@appc.io/empty')) return whitelist(RKT_DEFAULT_WHITELIST, errno);
  const blocked = errno === undefined ? 'SCMP_ACT_KILL_PROCESS' : 'SCMP_ACT_ERRNO';
  return {
    defaultAction: 'SCMP_ACT_ALLOW',
    syscalls: [
      { names: expand(app, value.set), action: blocked, ...(errno === undefined ? {} : { errnoRet: errno }) },
    ],
  };
}

function whitelist(names: readonly string[], errno: number | undefined): OciSeccomp {
  const profile: OciSeccomp = {
    defaultAction: errno === undefined ? 'SCMP_ACT_KILL_PROCESS' : 'SCMP_ACT_ERRNO',
    ...(errno === undefined ? {} : { defaultErrnoRet: errno }),
    syscalls: [{ names: [...names], action: 'SCMP_ACT_ALLOW' }],
  };
  const fallbacks = ENOSYS_FALLBACKS.filter((n) => !names.includes(n));
  if (fallbacks.length > 0)
    profile.syscalls.push({ names: fallbacks, action: 'SCMP_ACT_ERRNO', errnoRet: ENOSYS });
  return profile;
}

function expand(app: string, set: readonly string[]): string[] {
  const out = new Set<string>();
  for (const item of set) {
    if (!item.startsWith('@')) {
      out.add(item);
      continue;
    }
    const group = GROUPS[item];
    if (group === undefined)
      throw stage1Error(
        'PLAN_INPUT',
        `app "${app}": seccomp group ${item} is not supported (known: ${Object.keys(GROUPS).join(', ')}, @appc.io/all, @appc.io/empty)`,
      );
    group.forEach((n) => out.add(n));
  }
  return [...out];
}

function errnoOf(app: string, name: string | undefined): number | undefined {
  if (name === undefined || name === '') return undefined;
  const n = errnoNumber(name);
  if (n === undefined)
    throw stage1Error('PLAN_INPUT', `app "${app}": seccomp errno ${name} is not a Linux errno`);
  return n;
}
