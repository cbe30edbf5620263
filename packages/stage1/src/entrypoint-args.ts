import { join } from 'node:path';
import { stage1Error } from './errors.js';
import type { EntrypointName, Stage1Info } from './stage1-info.js';

/** What stage0 asks of the run entrypoint; each option reaches the stage1 only if its version knows it. */
export interface RunArgsOptions {
  uuid: string;
  debug?: boolean;
  /** `name[:CNI_ARGS]` entries; empty or absent renders as `default` (rkt) */
  net?: readonly string[];
  interactive?: boolean;
  /** `SHIFT:COUNT` */
  privateUsers?: string;
  mdsToken?: string;
  localConfig?: string;
  hostname?: string;
  /** passed only when either mode is not `default` */
  dnsConfMode?: { resolv: string; hosts: string };
  disableCapabilitiesRestriction?: boolean;
  disablePaths?: boolean;
  disableSeccomp?: boolean;
  mutable?: boolean;
  ipc?: 'auto' | 'private' | 'parent';
}

export interface Stage1Argv {
  /** arguments after the entrypoint path */
  argv: string[];
  /** one line per option dropped because the stage1's interface version predates it */
  warnings: string[];
}

/** `<pod>/stage1/rootfs/<path>`: stage0 executes it with the pod dir as cwd. */
export function entrypointPath(podDir: string, info: Stage1Info, name: EntrypointName): string {
  const path = info.entrypoints[name];
  if (path === undefined)
    throw stage1Error('STAGE1_UNSUPPORTED', `stage1 ${info.name} has no ${name} entrypoint`);
  return join(podDir, 'stage1', 'rootfs', path);
}

/** run argv in rkt's order (rkt.md §2.2). `--mutable` on a stage1 without app entrypoints is fatal. */
export function runArgs(info: Stage1Info, o: RunArgsOptions): Stage1Argv {
  const argv: string[] = [];
  const warnings: string[] = [];
  const gated = (minVersion: number, flag: string, value?: string): void => {
    if (info.interfaceVersion >= minVersion) argv.push(value === undefined ? flag : `${flag}=${value}`);
    else
      warnings.push(
        `stage1 ${info.name} (interface version ${info.interfaceVersion}) does not support ${flag}; ignoring it`,
      );
  };
  if (o.debug) argv.push('--debug');
  argv.push(`--net=${o.net !== undefined && o.net.length > 0 ? o.net.join(',') : 'default'}`);
  if (o.interactive) argv.push('--interactive');
  if (o.privateUsers !== undefined) argv.push(`--private-users=${o.privateUsers}`);
  if (o.mdsToken !== undefined) argv.push(`--mds-token=${o.mdsToken}`);
  if (o.localConfig !== undefined) argv.push(`--local-config=${o.localConfig}`);
  if (o.hostname !== undefined) gated(2, '--hostname', o.hostname);
  const dns = o.dnsConfMode;
  if (dns !== undefined && (dns.resolv !== 'default' || dns.hosts !== 'default'))
    gated(4, '--dns-conf-mode', `resolv=${dns.resolv},hosts=${dns.hosts}`);
  if (o.disableCapabilitiesRestriction) gated(3, '--disable-capabilities-restriction');
  if (o.disablePaths) gated(3, '--disable-paths');
  if (o.disableSeccomp) gated(3, '--disable-seccomp');
  if (o.mutable) {
    if (!info.supportsMutable)
      throw stage1Error('STAGE1_UNSUPPORTED', `stage1 ${info.name} does not support mutable pods`);
    argv.push('--mutable');
  }
  if (o.ipc !== undefined) gated(6, '--ipc', o.ipc);
  argv.push(o.uuid);
  return { argv, warnings };
}

/** enter argv: `--pid=<pid> --appname=<app> -- CMD [ARGS]` (every version). */
export function enterArgs(
  _info: Stage1Info,
  o: { pid: number; appName: string; command: readonly string[] },
): string[] {
  return [`--pid=${o.pid}`, `--appname=${o.appName}`, '--', ...o.command];
}

/** stop argv: `[--force] UUID`. */
export function stopArgs(_info: Stage1Info, o: { uuid: string; force?: boolean }): string[] {
  return [...(o.force ? ['--force'] : []), o.uuid];
}

/** gc argv: `[--debug] [--local-config DIR] UUID`; `--local-config` (two words) only from version 5. */
export function gcArgs(
  info: Stage1Info,
  o: { uuid: string; debug?: boolean; localConfig?: string },
): Stage1Argv {
  const argv: string[] = o.debug ? ['--debug'] : [];
  const warnings: string[] = [];
  if (o.localConfig !== undefined) {
    if (info.interfaceVersion >= 5) argv.push('--local-config', o.localConfig);
    else
      warnings.push(
        `stage1 ${info.name} (interface version ${info.interfaceVersion}) does not support gc --local-config; ignoring it`,
      );
  }
  argv.push(o.uuid);
  return { argv, warnings };
}
