import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPABILITIES } from './capabilities.js';
import { KNOWN_ISOLATOR_NAMES, type Isolator } from './isolator-types.js';
import { isKnownIsolatorName, parseIsolator, parseIsolators } from './isolators.js';
import { expectManifestError } from './test-fixtures.js';

const iso = (name: string, value?: unknown): Record<string, unknown> =>
  value === undefined ? { name } : { name, value };
const appValue = (name: string, value: unknown): unknown => {
  const parsed = parseIsolator(iso(name, value), 'i', 'app');
  return parsed.known ? parsed.value : undefined;
};

describe('isolator values (app scope)', () => {
  it.each<[string, unknown, unknown]>([
    ['resource/cpu', { request: '250m', limit: '2' }, { request: 250n, limit: 2000n }],
    ['resource/cpu', { limit: 1 }, { limit: 1000n }],
    ['resource/cpu', { default: false }, {}],
    ['resource/memory', { request: '1G', limit: '2Gi' }, { request: 1000000000n, limit: 2147483648n }],
    ['resource/memory', { limit: 1048576 }, { limit: 1048576n }],
    ['resource/network-bandwidth', { default: true, limit: '1M' }, { default: true, limit: 1000000n }],
    ['resource/block-bandwidth', { default: true, limit: '10Mi' }, { default: true, limit: 10485760n }],
    ['resource/block-iops', { default: true, limit: 1000 }, { default: true, limit: 1000n }],
    ['resource/block-iops', { default: true }, { default: true }],
    ['os/linux/capabilities-retain-set', { set: ['CAP_NET_ADMIN'] }, { set: ['CAP_NET_ADMIN'] }],
    [
      'os/linux/capabilities-remove-set',
      { set: ['CAP_MKNOD', 'CAP_WHATEVER'] },
      { set: ['CAP_MKNOD', 'CAP_WHATEVER'] },
    ],
    ['os/linux/no-new-privileges', true, true],
    ['os/linux/no-new-privileges', false, false],
    ['os/linux/seccomp-remove-set', { set: ['@appc.io/empty'] }, { set: ['@appc.io/empty'] }],
    ['os/linux/seccomp-remove-set', { set: ['chmod'], errno: '' }, { set: ['chmod'] }],
    [
      'os/linux/seccomp-retain-set',
      { set: ['@appc.io/all'], errno: 'EPERM' },
      { set: ['@appc.io/all'], errno: 'EPERM' },
    ],
    ['os/linux/seccomp-retain-set', { set: ['read'], errno: 'E2BIG' }, { set: ['read'], errno: 'E2BIG' }],
    ['os/linux/oom-score-adj', -1000, -1000],
    ['os/linux/oom-score-adj', 1000, 1000],
    ['os/linux/cpu-shares', 2, 2],
    ['os/linux/cpu-shares', 262144, 262144],
    [
      'os/linux/selinux-context',
      { user: 'system_u', role: 'system_r', type: 'svirt_lxc_net_t', level: 's0:c1,c2' },
      { user: 'system_u', role: 'system_r', type: 'svirt_lxc_net_t', level: 's0:c1,c2' },
    ],
    ['os/linux/apparmor-profile', { profile: 'rkt-default' }, { profile: 'rkt-default' }],
  ])('%s %j', (name, value, typed) => {
    expect(appValue(name, value)).toEqual(typed);
  });

  it.each<[string, unknown, string, string]>([
    ['resource/memory', { limit: '1GB' }, 'i.value.limit', '"1GB" is not a valid resource quantity'],
    ['resource/memory', { default: true, limit: '1G' }, 'i.value.default', 'must be false'],
    ['resource/cpu', { default: true }, 'i.value.default', 'must be false'],
    ['resource/cpu', { limit: '1x' }, 'i.value.limit', 'not a valid resource quantity'],
    ['resource/cpu', '1', 'i.value', 'must be an object'],
    ['resource/network-bandwidth', { limit: '1M' }, 'i.value.default', 'must be true'],
    ['resource/block-bandwidth', { default: false, limit: '1M' }, 'i.value.default', 'must be true'],
    ['resource/block-iops', { default: true, request: 1, limit: 2 }, 'i.value.request', 'not supported'],
    ['resource/block-iops', { default: 'true' }, 'i.value.default', 'must be a boolean'],
    ['os/linux/capabilities-retain-set', { set: [] }, 'i.value.set', 'non-empty'],
    ['os/linux/capabilities-remove-set', {}, 'i.value.set', 'non-empty'],
    ['os/linux/capabilities-remove-set', { set: 'CAP_KILL' }, 'i.value.set', 'must be an array'],
    ['os/linux/capabilities-remove-set', { set: [1] }, 'i.value.set[0]', 'must be a string'],
    ['os/linux/no-new-privileges', 'true', 'i.value', 'must be a boolean'],
    ['os/linux/seccomp-remove-set', { set: [] }, 'i.value.set', 'non-empty'],
    ['os/linux/seccomp-remove-set', { set: ['chmod'], errno: 'eperm' }, 'i.value.errno', '"eperm"'],
    ['os/linux/seccomp-remove-set', { set: ['chmod'], errno: '-EPERM' }, 'i.value.errno', 'errno name'],
    ['os/linux/seccomp-retain-set', { set: ['chmod'], errno: 1 }, 'i.value.errno', 'must be a string'],
    ['os/linux/oom-score-adj', 1001, 'i.value', 'between -1000 and 1000, got 1001'],
    ['os/linux/oom-score-adj', -1001, 'i.value', 'between -1000 and 1000'],
    ['os/linux/oom-score-adj', 1.5, 'i.value', 'must be an integer'],
    ['os/linux/cpu-shares', 1, 'i.value', 'between 2 and 262144, got 1'],
    ['os/linux/cpu-shares', 262145, 'i.value', 'between 2 and 262144'],
    ['os/linux/cpu-shares', '1024', 'i.value', 'must be an integer'],
    ['os/linux/selinux-context', { user: 'u', role: 'r', type: 't' }, 'i.value.level', 'is required'],
    [
      'os/linux/selinux-context',
      { user: 'u:x', role: 'r', type: 't', level: 's0' },
      'i.value.user',
      'must not contain ":"',
    ],
    [
      'os/linux/selinux-context',
      { user: 'u', role: '', type: 't', level: 's0' },
      'i.value.role',
      'is required',
    ],
    [
      'os/linux/selinux-context',
      { user: 'u', role: 'r', type: 't:t', level: 's0' },
      'i.value.type',
      'must not contain',
    ],
    ['os/linux/apparmor-profile', { profile: '' }, 'i.value.profile', 'is required'],
    ['os/linux/apparmor-profile', {}, 'i.value.profile', 'is required'],
  ])('%s %j → %s', (name, value, field, text) => {
    expectManifestError(() => parseIsolator(iso(name, value), 'i', 'app'), field, text);
  });

  it('requires a value for known types (Go would crash)', () => {
    expectManifestError(
      () => parseIsolator(iso('resource/memory'), 'i', 'app'),
      'i.value',
      'is required for "resource/memory"',
    );
  });

  it('rejects unknown names in apps', () => {
    expectManifestError(
      () => parseIsolator(iso('example.com/gpu', 1), 'app.isolators[0]', 'app'),
      'app.isolators[0].name',
      'unknown isolator "example.com/gpu"',
    );
  });

  it('requires a valid AC identifier name', () => {
    expectManifestError(
      () => parseIsolator(iso('Resource/CPU', {}), 'i', 'app'),
      'i.name',
      'not a valid AC identifier',
    );
    expectManifestError(() => parseIsolator({ value: 1 }, 'i', 'pod'), 'i.name', 'is required');
  });

  it('rejects pod-only isolators in apps and app-only ones in pods', () => {
    expectManifestError(
      () => parseIsolator(iso('os/unix/sysctl', { 'net.ipv4.ip_forward': '1' }), 'i', 'app'),
      'i.name',
      'not allowed in app isolators',
    );
    expectManifestError(
      () => parseIsolator(iso('os/linux/capabilities-retain-set', { set: ['CAP_KILL'] }), 'i', 'pod'),
      'i.name',
      'not allowed in pod isolators',
    );
    expectManifestError(
      () => parseIsolator(iso('os/linux/oom-score-adj', 5), 'i', 'pod'),
      'i.name',
      'not allowed in pod',
    );
  });

  it('keeps the raw value, deep-copied', () => {
    const value = { limit: '1G' };
    const parsed = parseIsolator(iso('resource/memory', value), 'i', 'app');
    value.limit = '2G';
    expect(parsed).toEqual({
      known: true,
      name: 'resource/memory',
      value: { limit: 1000000000n },
      raw: { limit: '1G' },
    });
  });
});

describe('pod-scope isolators', () => {
  it('parses sysctl values as strings only', () => {
    expect(parseIsolator(iso('os/unix/sysctl', { 'net.core.somaxconn': '1024' }), 'i', 'pod')).toMatchObject({
      value: { 'net.core.somaxconn': '1024' },
    });
    expectManifestError(
      () => parseIsolator(iso('os/unix/sysctl', { 'net.core.somaxconn': 1024 }), 'i', 'pod'),
      'i.value["net.core.somaxconn"]',
      'must be a string',
    );
  });

  it('keeps unknown isolators as UnknownIsolator, value or not', () => {
    const got = parseIsolators(
      [iso('example.com/gpu', { count: 1 }), iso('example.com/gpu'), iso('example.com/tpu', null)],
      'isolators',
      'pod',
    );
    expect(got).toEqual<Isolator[]>([
      { known: false, name: 'example.com/gpu', raw: { count: 1 } },
      { known: false, name: 'example.com/gpu', raw: undefined },
      { known: false, name: 'example.com/tpu', raw: undefined },
    ]);
  });

  it('bounds the nesting of free-form values', () => {
    const deep = JSON.parse(`${'['.repeat(100000)}${']'.repeat(100000)}`) as unknown;
    expectManifestError(
      () => parseIsolators([iso('example.com/x', deep)], 'isolators', 'pod'),
      'isolators[0].value',
      'nested more than 64 levels',
    );
    const ok = JSON.parse(`${'['.repeat(64)}${']'.repeat(64)}`) as unknown;
    expect(parseIsolators([iso('example.com/x', ok)], 'isolators', 'pod')).toHaveLength(1);
  });

  it('still checks the values of known types', () => {
    expectManifestError(
      () => parseIsolators([iso('resource/memory', { limit: '1GB' })], 'isolators', 'pod'),
      'isolators[0].value.limit',
      '1GB',
    );
  });

  it('applies single-instance rules to known types', () => {
    const selinux = { user: 'u', role: 'r', type: 't', level: 's0' };
    expectManifestError(
      () =>
        parseIsolators(
          [iso('os/linux/selinux-context', selinux), iso('os/linux/selinux-context', selinux)],
          'isolators',
          'pod',
        ),
      'isolators[1].name',
      'only one "os/linux/selinux-context"',
    );
  });
});

describe('isolator lists (app scope)', () => {
  const list = (...items: unknown[]): Isolator[] => parseIsolators(items, 'app.isolators', 'app');

  it('allows several resource, capability and no-new-privileges isolators (as Go does)', () => {
    expect(
      list(iso('resource/memory', { limit: '1G' }), iso('resource/memory', { limit: '2G' })),
    ).toHaveLength(2);
    expect(
      list(iso('os/linux/no-new-privileges', true), iso('os/linux/no-new-privileges', false)),
    ).toHaveLength(2);
    expect(
      list(
        iso('os/linux/capabilities-retain-set', { set: ['CAP_KILL'] }),
        iso('os/linux/capabilities-retain-set', { set: ['CAP_CHOWN'] }),
      ),
    ).toHaveLength(2);
  });

  it.each<[string, unknown, unknown, string]>([
    ['os/linux/seccomp-remove-set', { set: ['a'] }, { set: ['b'] }, 'only one "os/linux/seccomp-remove-set"'],
    ['os/linux/oom-score-adj', 1, 2, 'only one "os/linux/oom-score-adj"'],
    ['os/linux/cpu-shares', 2, 3, 'only one'],
    ['os/linux/apparmor-profile', { profile: 'a' }, { profile: 'b' }, 'only one'],
  ])('rejects two %s', (name, v1, v2, text) => {
    expectManifestError(() => list(iso(name, v1), iso(name, v2)), 'app.isolators[1].name', text);
  });

  it.each([
    ['os/linux/seccomp-retain-set', 'os/linux/seccomp-remove-set'],
    ['os/linux/seccomp-remove-set', 'os/linux/seccomp-retain-set'],
    ['os/linux/capabilities-retain-set', 'os/linux/capabilities-remove-set'],
    ['os/linux/capabilities-remove-set', 'os/linux/capabilities-retain-set'],
  ])('rejects %s together with %s', (first, second) => {
    expectManifestError(
      () => list(iso(first, { set: ['x'] }), iso(second, { set: ['y'] })),
      'app.isolators[1].name',
      `cannot be combined with "${first}"`,
    );
  });

  it('requires an array', () => {
    expectManifestError(
      () => parseIsolators({}, 'app.isolators', 'app'),
      'app.isolators',
      'must be an array',
    );
  });
});

describe('constants', () => {
  it('knows the 15 isolator types', () => {
    expect(KNOWN_ISOLATOR_NAMES).toHaveLength(15);
    expect(KNOWN_ISOLATOR_NAMES.every(isKnownIsolatorName)).toBe(true);
    expect(isKnownIsolatorName('toString')).toBe(false);
  });

  it('lists the 14 default capabilities', () => {
    expect(DEFAULT_CAPABILITIES).toHaveLength(14);
    expect(new Set(DEFAULT_CAPABILITIES).size).toBe(14);
    expect(DEFAULT_CAPABILITIES).toContain('CAP_NET_BIND_SERVICE');
    expect(DEFAULT_CAPABILITIES).not.toContain('CAP_SYS_ADMIN');
  });
});
