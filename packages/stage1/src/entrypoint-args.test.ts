import { describe, expect, it } from 'vitest';
import {
  enterArgs,
  entrypointPath,
  gcArgs,
  runArgs,
  stopArgs,
  type RunArgsOptions,
} from './entrypoint-args.js';
import type { Stage1Info } from './stage1-info.js';

const UUID = '6f1b2c3d-1111-4222-8333-444455556666';
const stage1 = (interfaceVersion: number, supportsMutable = false): Stage1Info => ({
  name: 'example.com/s1',
  version: undefined,
  interfaceVersion,
  entrypoints: { run: '/run', stop: '/stop' },
  planFormat: 'sh-v1',
  supportsMutable,
});

const everything: RunArgsOptions = {
  uuid: UUID,
  debug: true,
  net: ['default', 'other:IP=10.0.0.2'],
  interactive: true,
  privateUsers: '65536:65536',
  mdsToken: 'tok',
  localConfig: '/etc/rkt',
  hostname: 'h1',
  dnsConfMode: { resolv: 'stage0', hosts: 'default' },
  disableCapabilitiesRestriction: true,
  disablePaths: true,
  disableSeccomp: true,
  ipc: 'parent',
};

describe('runArgs', () => {
  it('renders rkt order with every option for version 6', () => {
    expect(runArgs(stage1(6), everything)).toEqual({
      argv: [
        '--debug',
        '--net=default,other:IP=10.0.0.2',
        '--interactive',
        '--private-users=65536:65536',
        '--mds-token=tok',
        '--local-config=/etc/rkt',
        '--hostname=h1',
        '--dns-conf-mode=resolv=stage0,hosts=default',
        '--disable-capabilities-restriction',
        '--disable-paths',
        '--disable-seccomp',
        '--ipc=parent',
        UUID,
      ],
      warnings: [],
    });
  });

  it.each([
    [
      1,
      [
        '--hostname',
        '--dns-conf-mode',
        '--disable-capabilities-restriction',
        '--disable-paths',
        '--disable-seccomp',
        '--ipc',
      ],
    ],
    [
      2,
      [
        '--dns-conf-mode',
        '--disable-capabilities-restriction',
        '--disable-paths',
        '--disable-seccomp',
        '--ipc',
      ],
    ],
    [3, ['--dns-conf-mode', '--ipc']],
    [4, ['--ipc']],
    [5, ['--ipc']],
    [6, []],
  ])('drops with a warning what version %i does not know', (version, dropped) => {
    const { argv, warnings } = runArgs(stage1(version), everything);
    for (const flag of dropped) expect(argv.some((a) => a.startsWith(flag))).toBe(false);
    expect(warnings).toHaveLength(dropped.length);
    dropped.forEach((flag, i) => expect(warnings[i]).toContain(`does not support ${flag}`));
    expect(argv.at(-1)).toBe(UUID);
  });

  it('renders an empty net list as default and leaves default dns modes out', () => {
    expect(
      runArgs(stage1(5), { uuid: UUID, net: [], dnsConfMode: { resolv: 'default', hosts: 'default' } }).argv,
    ).toEqual(['--net=default', UUID]);
  });

  it('passes --mutable only to a stage1 that supports mutable pods', () => {
    expect(runArgs(stage1(5, true), { uuid: UUID, mutable: true }).argv).toEqual([
      '--net=default',
      '--mutable',
      UUID,
    ]);
    expect(() => runArgs(stage1(5), { uuid: UUID, mutable: true })).toThrow(
      expect.objectContaining({ code: 'STAGE1_UNSUPPORTED' }),
    );
  });
});

describe('enter, stop and gc argv', () => {
  it('enter: pid, app name, then the command after --', () => {
    expect(enterArgs(stage1(5), { pid: 42, appName: 'web', command: ['/bin/sh', '-c', 'echo hi'] })).toEqual([
      '--pid=42',
      '--appname=web',
      '--',
      '/bin/sh',
      '-c',
      'echo hi',
    ]);
  });

  it('stop: --force before the UUID', () => {
    expect(stopArgs(stage1(5), { uuid: UUID })).toEqual([UUID]);
    expect(stopArgs(stage1(5), { uuid: UUID, force: true })).toEqual(['--force', UUID]);
  });

  it('gc: --local-config as two words from version 5 on', () => {
    expect(gcArgs(stage1(5), { uuid: UUID, debug: true, localConfig: '/etc/rkt' })).toEqual({
      argv: ['--debug', '--local-config', '/etc/rkt', UUID],
      warnings: [],
    });
    const old = gcArgs(stage1(4), { uuid: UUID, localConfig: '/etc/rkt' });
    expect(old.argv).toEqual([UUID]);
    expect(old.warnings[0]).toContain('does not support gc --local-config');
  });

  it('finds entrypoints under the pod stage1 rootfs, refusing undeclared ones', () => {
    expect(entrypointPath('/var/lib/rkt/pods/run/x', stage1(5), 'stop')).toBe(
      '/var/lib/rkt/pods/run/x/stage1/rootfs/stop',
    );
    expect(() => entrypointPath('/p', stage1(5), 'enter')).toThrow(/has no enter entrypoint/);
  });
});
