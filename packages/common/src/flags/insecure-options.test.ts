import { describe, expect, it } from 'vitest';
import { parseInsecureOptions } from './insecure-options.js';

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('parseInsecureOptions', () => {
  it.each([
    ['none', []],
    ['', []],
    ['image', ['image']],
    ['image,tls', ['image', 'tls']],
    ['IMAGE,Http', ['http', 'image']],
    ['none,pubkey', ['pubkey']],
    ['all-fetch', ['http', 'image', 'pubkey', 'tls']],
    ['all-run', ['capabilities', 'ondisk', 'paths', 'seccomp']],
    ['all-fetch,seccomp', ['http', 'image', 'pubkey', 'seccomp', 'tls']],
    ['all', ['capabilities', 'http', 'image', 'ondisk', 'paths', 'pubkey', 'seccomp', 'tls']],
    ['all,image', ['capabilities', 'http', 'image', 'ondisk', 'paths', 'pubkey', 'seccomp', 'tls']],
  ])('%j -> %j', (value, expected) => {
    expect(sorted(parseInsecureOptions(value))).toEqual(expected);
  });

  it('rejects an unknown name, naming it', () => {
    expect(() => parseInsecureOptions('image,bogus')).toThrow(
      'invalid argument "image,bogus" for --insecure-options=image,bogus: unknown option "bogus"',
    );
    expect(() => parseInsecureOptions('image,')).toThrow('unknown option ""');
    expect(() => parseInsecureOptions('toString')).toThrow('unknown option "tostring"');
  });

  it('rejects a repeated name, with code and exit 254', () => {
    expect(() => parseInsecureOptions('tls,TLS')).toThrow(
      expect.objectContaining({
        code: 'INVALID_INSECURE_OPTIONS',
        exitCode: 254,
        message: 'invalid argument "tls,TLS" for --insecure-options=tls,TLS: duplicated option "tls"',
      }),
    );
  });
});
