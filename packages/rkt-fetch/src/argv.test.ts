import { describe, expect, it } from 'vitest';
import { parseFetchArgs } from './argv.js';
import { imageRequests } from './requests.js';

describe('parseFetchArgs', () => {
  it('has rkt defaults', async () => {
    const cmd = await parseFetchArgs(['example.com/app']);
    expect(cmd).toMatchObject({
      requests: [{ image: 'example.com/app' }],
      pullPolicy: 'update',
      full: false,
      format: 'text',
      warnings: [],
      globals: { dir: undefined, insecureOptions: new Set() },
    });
  });

  it.each([
    [['--pull-policy=never', 'a'], 'never'],
    [['--pull-policy', 'new', 'a'], 'new'],
    [['--store-only', 'a'], 'never'],
    [['--no-store', '--pull-policy=new', 'a'], 'update'],
  ])('%j → pull policy %s', async (args, policy) => {
    expect((await parseFetchArgs(args))?.pullPolicy).toBe(policy);
  });

  it('warns about the deprecated flags', async () => {
    expect((await parseFetchArgs(['--store-only', 'a']))?.warnings).toEqual([
      '--store-only is deprecated, use --pull-policy=never',
    ]);
  });

  it('takes globals, --full and --format', async () => {
    const cmd = await parseFetchArgs([
      '--dir=/d',
      '--insecure-options=image,http',
      'fetch-me.aci',
      '--full',
      '--format',
      'json',
    ]);
    expect(cmd).toMatchObject({ full: true, format: 'json', requests: [{ image: 'fetch-me.aci' }] });
    expect(cmd?.globals.dir).toBe('/d');
    expect([...(cmd?.globals.insecureOptions ?? [])].sort()).toEqual(['http', 'image']);
  });

  it.each([
    [[], 'at least one image is required'],
    [['a', '--', 'x'], 'arguments after "--" are not allowed'],
    [['--pull-policy=sometimes', 'a'], 'Invalid values'],
    [['--bogus', 'a'], 'Unknown argument'],
    [['--store-only', '--no-store', 'a'], 'mutually exclusive'],
    [['--format=yaml', 'a'], 'Invalid format option'],
    [['--signature=a.asc', 'a'], '--signature must follow the image it signs'],
  ])('%j fails: %s', async (args, message) => {
    await expect(parseFetchArgs(args)).rejects.toThrow(message);
  });

  it('keeps the images that follow a --signature', async () => {
    expect(
      (await parseFetchArgs(['a', '--signature', 'a.asc', 'b', '--signature=b.asc', 'c']))?.requests,
    ).toEqual([{ image: 'a', signature: 'a.asc' }, { image: 'b', signature: 'b.asc' }, { image: 'c' }]);
  });

  it('returns nothing after printing --help', async () => {
    const write = process.stdout.write;
    process.stdout.write = () => true;
    try {
      expect(await parseFetchArgs(['--help'])).toBeUndefined();
    } finally {
      process.stdout.write = write;
    }
  });
});

describe('imageRequests', () => {
  it('gives each --signature to the image before it', () => {
    expect(
      imageRequests([
        '--dir',
        '/d',
        'a.aci',
        '--signature',
        'a.asc',
        '--full',
        'b',
        'c',
        '--signature=c.asc',
      ]),
    ).toEqual([{ image: 'a.aci', signature: 'a.asc' }, { image: 'b' }, { image: 'c', signature: 'c.asc' }]);
  });

  it('refuses two signatures for one image', () => {
    expect(() => imageRequests(['a', '--signature=1', '--signature=2'])).toThrow('more than one --signature');
  });
});
