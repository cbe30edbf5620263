import { DEFAULT_CAPABILITIES, parseIsolators, type Isolator } from '@rkt/appc';
import { describe, expect, it } from 'vitest';
import { processCapabilities } from './oci-capabilities.js';
import { appIsolation } from './oci-isolators.js';

const iso = (...raw: { name: string; value: unknown }[]): Isolator[] =>
  parseIsolators(raw, 'isolators', 'app');
const pod = (...raw: { name: string; value: unknown }[]): Isolator[] =>
  parseIsolators(raw, 'isolators', 'pod');
const retain = (...set: string[]) => ({ name: 'os/linux/capabilities-retain-set', value: { set } });
const remove = (...set: string[]) => ({ name: 'os/linux/capabilities-remove-set', value: { set } });

describe('appIsolation: capabilities', () => {
  it.each([
    ['no isolator: appc defaults', [], [...DEFAULT_CAPABILITIES]],
    ['retain-set: exactly those', [retain('CAP_NET_ADMIN', 'CAP_CHOWN')], ['CAP_NET_ADMIN', 'CAP_CHOWN']],
    [
      'retain-set: short and lower-case names',
      [retain('net_admin', 'sys_time')],
      ['CAP_NET_ADMIN', 'CAP_SYS_TIME'],
    ],
    [
      'remove-set: defaults minus those',
      [remove('CAP_NET_RAW', 'CAP_MKNOD', 'CAP_SYS_ADMIN')],
      DEFAULT_CAPABILITIES.filter((c) => c !== 'CAP_NET_RAW' && c !== 'CAP_MKNOD'),
    ],
  ])('%s', (_, raw, want) => {
    expect(appIsolation('a', 0, iso(...raw), []).capabilities).toEqual(want);
  });

  it('drops unknown capability names with a warning', () => {
    const r = appIsolation('a', 0, iso(retain('CAP_CHOWN', 'CAP_FLY')), []);
    expect(r.capabilities).toEqual(['CAP_CHOWN']);
    expect(r.warnings).toEqual(['app "a": ignoring unknown capability CAP_FLY']);
  });

  it('refuses retain and remove together', () => {
    // The schema refuses the pair too; a hand-made manifest object could still hold both.
    const both = [...iso(retain('CAP_CHOWN')), ...iso(remove('CAP_KILL'))];
    expect(() => appIsolation('a', 0, both, [])).toThrow(/together/);
  });

  it.each([
    [
      0,
      {
        bounding: ['CAP_KILL'],
        effective: ['CAP_KILL'],
        permitted: ['CAP_KILL'],
        inheritable: [],
        ambient: [],
      },
    ],
    [1000, { bounding: ['CAP_KILL'], effective: [], permitted: [], inheritable: [], ambient: [] }],
  ])('process sets of uid %i', (uid, want) => {
    expect(processCapabilities(['CAP_KILL'], uid)).toEqual(want);
  });
});

describe('appIsolation: no_new_privs', () => {
  const nnp = (value: boolean) => ({ name: 'os/linux/no-new-privileges', value });
  const seccompAll = { name: 'os/linux/seccomp-retain-set', value: { set: ['@appc.io/all'] } };
  it.each([
    ['on by default', 0, [], true],
    ['off for root when the isolator says so', 0, [nnp(false)], false],
    ['forced for a non-root app under seccomp', 1000, [nnp(false)], true],
    ['off for a non-root app without seccomp', 1000, [nnp(false), seccompAll], false],
  ])('%s', (_, uid, raw, want) => {
    expect(appIsolation('a', uid, iso(...raw), []).noNewPrivileges).toBe(want);
  });
});

describe('appIsolation: resources', () => {
  const mem = (limit: string) => ({ name: 'resource/memory', value: { limit } });
  const cpu = (limit: string) => ({ name: 'resource/cpu', value: { limit } });
  it.each([
    ['nothing', [], [], {}, undefined],
    ['memory', [mem('32M')], [], { memory: { limit: 32_000_000 } }, undefined],
    [
      'the last memory isolator wins',
      [mem('1Gi'), mem('64Mi')],
      [],
      { memory: { limit: 64 << 20 } },
      undefined,
    ],
    ['the pod bounds the app', [mem('1Gi')], [mem('100Mi')], { memory: { limit: 100 << 20 } }, undefined],
    ['a pod limit alone applies', [], [mem('100Mi')], { memory: { limit: 100 << 20 } }, undefined],
    [
      'cpu 500m = 50 % of a 100 ms period',
      [cpu('500m')],
      [],
      { cpu: { quota: 50_000, period: 100_000 } },
      undefined,
    ],
    ['cpu 2 cores', [cpu('2')], [], { cpu: { quota: 200_000, period: 100_000 } }, undefined],
    ['cpu 1m: the kernel minimum', [cpu('1m')], [], { cpu: { quota: 1000, period: 100_000 } }, undefined],
    [
      'shares and oom score',
      [
        { name: 'os/linux/cpu-shares', value: 512 },
        { name: 'os/linux/oom-score-adj', value: 300 },
      ],
      [],
      { cpu: { shares: 512 } },
      300,
    ],
  ])('%s', (_, app, podRaw, resources, oom) => {
    const r = appIsolation('a', 0, iso(...app), pod(...podRaw));
    expect(r.resources).toEqual(resources);
    expect(r.oomScoreAdj).toBe(oom);
  });

  it('reports the isolators it cannot enforce', () => {
    const r = appIsolation(
      'a',
      0,
      [],
      pod({ name: 'os/unix/sysctl', value: { 'net.ipv4.ip_forward': '1' } }),
    );
    expect(r.warnings).toEqual([
      'app "a": isolator os/unix/sysctl is not supported by this stage1; ignoring it',
    ]);
  });
});
