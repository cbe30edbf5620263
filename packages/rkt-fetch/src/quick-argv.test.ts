import { describe, expect, it } from 'vitest';
import { parseFetchArgs } from './argv.js';
import { quickParse } from './quick-argv.js';

const CASES: string[][] = [
  ['a'],
  ['--dir=/d', '--pull-policy=never', 'example.com/app:1'],
  ['--insecure-options=image,http', 'a.aci', '--signature=a.asc', 'b', '--full'],
  ['--format=json-pretty', '--debug', '--trust-keys-from-https', 'x', 'y'],
  ['--system-config=/s', '--local-config=/l', '--user-config=/u', '--dir=', 'x'],
  ['--pull-policy=new', '--format=json', 'sha512-abcd'],
];

const DEFERRED: string[][] = [
  ['--help'],
  ['-h'],
  ['a', '--', 'b'],
  ['--dir', '/d', 'a'],
  ['--full=false', 'a'],
  ['--pull-policy=sometimes', 'a'],
  ['--store-only', 'a'],
  ['--no-store', 'a'],
  ['--full', '--full', 'a'],
  ['--bogus=1', 'a'],
  ['--signature', 'x.asc'],
  [],
  [''],
];

describe('quickParse', () => {
  it.each(CASES)('agrees with the yargs parser: %j', async (...args) => {
    const quick = quickParse(args);
    expect(quick).toBeDefined();
    expect(quick).toEqual(await parseFetchArgs(args));
  });

  it.each(DEFERRED)('leaves %j to yargs', (...args) => {
    expect(quickParse(args)).toBeUndefined();
  });

  it('raises the same errors as the yargs path', async () => {
    for (const args of [
      ['--insecure-options=bogus', 'a'],
      ['--format=yaml', 'a'],
      ['--signature=s', 'a'],
    ]) {
      const quick = (() => {
        try {
          return quickParse(args);
        } catch (e) {
          return e;
        }
      })();
      await expect(parseFetchArgs(args)).rejects.toEqual(quick);
    }
  });
});
