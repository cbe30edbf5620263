import { execve } from '@rkt/native';
import { RktError, type InsecureOptions } from '@rkt/common';
import type { LockedPod } from '@rkt/pod';
import {
  dnsFiles,
  entrypointPath,
  runArgs,
  writeDnsFiles,
  type DnsFiles,
  type RunArgsOptions,
  type Stage1Info,
} from '@rkt/stage1';
import { all, bool, last, type FlagValues } from './argv.js';

/** Where stage1 finds the pod lock. */
const LOCK_FD = 3;

export interface HandOff {
  /** locked and already in run/ */
  pod: LockedPod;
  stage1: Stage1Info;
  /** the run-time flags (--net, --hostname, --interactive, ...) */
  flags: FlagValues;
  debug: boolean;
  localConfig?: string;
  insecure: InsecureOptions;
  env: NodeJS.ProcessEnv;
  warn: (message: string) => void;
}

function ipcOf(f: FlagValues): 'auto' | 'private' | 'parent' | undefined {
  const ipc = last(f, 'ipc');
  if (ipc !== undefined && ipc !== 'auto' && ipc !== 'private' && ipc !== 'parent') {
    throw new RktError('BAD_FLAG', `--ipc=${ipc}: expected auto, private or parent`);
  }
  return ipc;
}

/** The files --dns* and --hosts-entry ask for; throws for values rkt rejects. */
function dnsOf(f: FlagValues): DnsFiles {
  const dnsDomain = last(f, 'dns-domain');
  return dnsFiles({
    dns: all(f, 'dns'),
    dnsSearch: all(f, 'dns-search'),
    dnsOpt: all(f, 'dns-opt'),
    hostsEntry: all(f, 'hosts-entry'),
    ...(dnsDomain === undefined ? {} : { dnsDomain }),
  });
}

/**
 * Refuse bad run-time flags before a pod exists: the hand-off reads them only after the pod has
 * moved to run/, where a failure would leave an exited pod behind.
 */
export function checkRunTimeFlags(f: FlagValues): void {
  ipcOf(f);
  dnsOf(f);
}

/** What the stage1 run entrypoint is told, from rkt's run-time flags (rkt.md §2.2). */
export function runOptions(h: Omit<HandOff, 'env' | 'warn'>): RunArgsOptions {
  const f = h.flags;
  const ipc = ipcOf(f);
  const hostname = last(f, 'hostname');
  return {
    uuid: h.pod.uuid,
    debug: h.debug,
    net: all(f, 'net')
      .flatMap((n) => n.split(','))
      .filter((n) => n !== ''),
    interactive: bool(f, 'interactive'),
    ...(h.localConfig === undefined ? {} : { localConfig: h.localConfig }),
    ...(hostname === undefined ? {} : { hostname }),
    disableCapabilitiesRestriction: h.insecure.has('capabilities'),
    disablePaths: h.insecure.has('paths'),
    disableSeccomp: h.insecure.has('seccomp'),
    ...(ipc === undefined ? {} : { ipc }),
  };
}

/**
 * Become the pod: write the files --dns* and --hosts-entry ask for (stage0's job in rkt), then exec
 * the stage1 run entrypoint in this process (rkt's stage0 does the same), with the pod dir as cwd
 * and the locked pod fd kept open as RKT_LOCK_FD. Nothing of Node remains.
 */
export async function handOff(h: HandOff): Promise<never> {
  const dns = dnsOf(h.flags);
  await writeDnsFiles(h.pod.path, dns);
  const { argv, warnings } = runArgs(h.stage1, { ...runOptions(h), dnsConfMode: dns.mode });
  warnings.forEach(h.warn);
  const entrypoint = entrypointPath(h.pod.path, h.stage1, 'run');
  process.chdir(h.pod.path);
  // The lock goes to fd 3: POSIX shells (the stage1 entrypoints) can name only fds 0-9, and must be
  // able to close it in the children that should not hold the pod's lock.
  return execve(entrypoint, [entrypoint, ...argv], { ...h.env, RKT_LOCK_FD: String(LOCK_FD) }, [
    [h.pod.fd, LOCK_FD],
  ]);
}
