import { describe, expect, it } from 'vitest';
import { parseTrustArgs } from './trust-args.js';

const dirs = ['--system-config=/s', '--local-config=/l'];
const DIRS = { systemConfig: '/s', localConfig: '/l' };

describe('parseTrustArgs', () => {
  it.each([
    [
      ['--prefix=example.com/app', 'k.asc', 'https://example.com/k.asc'],
      { kind: 'add', prefix: 'example.com/app', locations: ['k.asc', 'https://example.com/k.asc'] },
    ],
    [
      ['--root', 'k.asc', '--skip-fingerprint-review', '--insecure-allow-http'],
      { kind: 'add', prefix: undefined, skipFingerprintReview: true, insecureAllowHttp: true },
    ],
    [
      ['--prefix', 'example.com', '--trust-keys-from-https', '--insecure-options=tls'],
      { kind: 'add', prefix: 'example.com', locations: [], trustKeysFromHttps: true, skipTlsVerify: true },
    ],
    [
      ['--prefix=127.0.0.1:8443/keys/app'],
      { kind: 'add', prefix: '127.0.0.1/keys/app', authority: '127.0.0.1:8443', locations: [] },
    ],
    [['list'], { kind: 'list', filter: {}, format: 'text' }],
    [['list', '--root', '--format=json'], { kind: 'list', filter: { root: true }, format: 'json' }],
    [['list', '--prefix=a.com'], { kind: 'list', filter: { prefix: 'a.com' } }],
    [['rm', 'ABCD'], { kind: 'rm', ref: 'ABCD', scope: 'all' }],
    [['rm', 'ABCD', '--root'], { kind: 'rm', ref: 'ABCD', scope: { prefix: undefined } }],
    [['rm', 'ABCD', '--prefix=a.com'], { kind: 'rm', ref: 'ABCD', scope: { prefix: 'a.com' } }],
  ])('%j', async (args, expected) => {
    const cmd = await parseTrustArgs([...dirs, ...args]);
    expect(cmd).toMatchObject(expected);
    if (cmd.kind !== 'usage' && cmd.kind !== 'help') expect(cmd.dirs).toEqual(DIRS);
  });

  it('reports --help, which yargs has printed', async () => {
    expect(await parseTrustArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('gives usage without key and scope', async () => {
    const cmd = await parseTrustArgs([]);
    expect(cmd.kind).toBe('usage');
    expect(cmd.kind === 'usage' && cmd.help).toContain('--skip-fingerprint-review');
  });

  it.each([
    [['k.asc'], 'TRUST_NO_SCOPE', 'aborting due to implicit unbounded trust (root domain)'],
    [
      ['--root', '--prefix=a.com', 'k'],
      'TRUST_SCOPE_CONFLICT',
      '--root and --prefix usage mutually exclusive',
    ],
    [
      ['--prefix=https://a.com', 'k'],
      'INVALID_PREFIX',
      '--prefix must not contain a URL scheme, omit https://',
    ],
    [['--prefix=a.com/../b', 'k'], 'INVALID_PREFIX', undefined],
    [['rm'], 'USAGE', '"trust rm" takes exactly one FINGERPRINT'],
    [['list', 'x'], 'USAGE', '"trust list" takes no arguments'],
    [['--root', 'k', '--format=json'], 'USAGE', '--format applies only to "trust list"'],
    [['--bogus'], 'USAGE', undefined],
  ])('refuses %j', async (args, code, message) => {
    const err = await parseTrustArgs(args).catch((e: unknown) => e);
    expect(err).toMatchObject({ code, exitCode: 254 });
    if (message !== undefined) expect((err as Error).message).toBe(message);
  });
});
