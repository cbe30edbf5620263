import { parseIsolators } from '@rkt/appc';
import { describe, expect, it } from 'vitest';
import { errnoNumber } from './errno.js';
import { seccompProfile } from './oci-seccomp.js';
import { RKT_DEFAULT_BLACKLIST, RKT_DEFAULT_WHITELIST } from './seccomp-lists.js';

const seccomp = (mode: 'retain' | 'remove', set: string[], errno?: string) =>
  parseIsolators(
    [{ name: `os/linux/seccomp-${mode}-set`, value: errno === undefined ? { set } : { set, errno } }],
    'isolators',
    'app',
  );
const ENOSYS_CLONE3 = { names: ['clone3'], action: 'SCMP_ACT_ERRNO', errnoRet: 38 };

describe('seccompProfile', () => {
  it.each([
    [
      'no isolator: rkt default whitelist, SIGSYS otherwise',
      [],
      {
        defaultAction: 'SCMP_ACT_KILL_PROCESS',
        syscalls: [{ names: [...RKT_DEFAULT_WHITELIST], action: 'SCMP_ACT_ALLOW' }, ENOSYS_CLONE3],
      },
    ],
    [
      'retain-set: only those, errno for the rest',
      seccomp('retain', ['read', 'write', 'exit_group'], 'EPERM'),
      {
        defaultAction: 'SCMP_ACT_ERRNO',
        defaultErrnoRet: 1,
        syscalls: [{ names: ['read', 'write', 'exit_group'], action: 'SCMP_ACT_ALLOW' }, ENOSYS_CLONE3],
      },
    ],
    [
      'remove-set: all but those, killed',
      seccomp('remove', ['mkdir', 'chmod']),
      {
        defaultAction: 'SCMP_ACT_ALLOW',
        syscalls: [{ names: ['mkdir', 'chmod'], action: 'SCMP_ACT_KILL_PROCESS' }],
      },
    ],
    [
      'remove-set with errno',
      seccomp('remove', ['uname'], 'ENOTSUP'),
      {
        defaultAction: 'SCMP_ACT_ALLOW',
        syscalls: [{ names: ['uname'], action: 'SCMP_ACT_ERRNO', errnoRet: 95 }],
      },
    ],
    [
      'remove-set @appc.io/empty: the default whitelist, with the errno',
      seccomp('remove', ['@appc.io/empty'], 'EACCES'),
      {
        defaultAction: 'SCMP_ACT_ERRNO',
        defaultErrnoRet: 13,
        syscalls: [{ names: [...RKT_DEFAULT_WHITELIST], action: 'SCMP_ACT_ALLOW' }, ENOSYS_CLONE3],
      },
    ],
    [
      'remove-set @rkt/default-blacklist',
      seccomp('remove', ['@rkt/default-blacklist']),
      {
        defaultAction: 'SCMP_ACT_ALLOW',
        syscalls: [{ names: [...RKT_DEFAULT_BLACKLIST], action: 'SCMP_ACT_KILL_PROCESS' }],
      },
    ],
  ])('%s', (_, isolators, want) => {
    expect(seccompProfile('a', isolators)).toEqual(want);
  });

  it('retain-set @appc.io/all: no filter', () => {
    expect(seccompProfile('a', seccomp('retain', ['@appc.io/all']))).toBeUndefined();
  });

  it('keeps clone3 allowed when a whitelist names it', () => {
    expect(seccompProfile('a', seccomp('retain', ['clone3', 'exit']))?.syscalls).toEqual([
      { names: ['clone3', 'exit'], action: 'SCMP_ACT_ALLOW' },
    ]);
  });

  it.each([
    [seccomp('retain', ['read'], 'ENOPE'), /not a Linux errno/],
    [seccomp('retain', ['@systemd/clock']), /seccomp group @systemd\/clock is not supported/],
  ])('refuses what it cannot express (%#)', (isolators, message) => {
    expect(() => seccompProfile('a', isolators)).toThrow(message);
  });

  it('the default whitelist allows what libc needs and nothing of the blacklist', () => {
    for (const call of ['rseq', 'statx', 'clone', 'execve', 'exit_group', 'openat2'])
      expect(RKT_DEFAULT_WHITELIST).toContain(call);
    for (const call of RKT_DEFAULT_BLACKLIST) expect(RKT_DEFAULT_WHITELIST).not.toContain(call);
  });

  it.each([
    ['EPERM', 1],
    ['EWOULDBLOCK', 11],
    ['ENOSYS', 38],
    ['EHWPOISON', 133],
    ['EFOO', undefined],
  ])('errno %s = %s', (name, n) => {
    expect(errnoNumber(name)).toBe(n);
  });
});
