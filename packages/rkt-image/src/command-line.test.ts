import { describe, expect, it } from 'vitest';
import { parseCommandLine, subcommandOf } from './command-line.js';

const parse = async (args: string[]) => (await parseCommandLine(args)).command;

describe('rkt image argv -> command', () => {
  it.each([
    [
      ['list'],
      {
        name: 'list',
        fields: ['id', 'name', 'size', 'importtime', 'lastused'],
        sort: ['importtime'],
        ascending: true,
        noLegend: false,
        full: false,
        format: 'text',
      },
    ],
    [
      [
        'list',
        '--fields=name,id',
        '--sort=size,name',
        '--order=desc',
        '--no-legend',
        '--full',
        '--format=json',
      ],
      {
        name: 'list',
        fields: ['name', 'id'],
        sort: ['size', 'name'],
        ascending: false,
        noLegend: true,
        full: true,
        format: 'json',
      },
    ],
    [['rm', 'sha512-ab', 'example.com/x:1'], { name: 'rm', images: ['sha512-ab', 'example.com/x:1'] }],
    [['verify', '0123'], { name: 'verify', images: ['0123'] }],
    [['gc'], { name: 'gc', gracePeriodMs: 86_400_000 }],
    [['gc', '--grace-period=1h30m'], { name: 'gc', gracePeriodMs: 5_400_000 }],
    [['gc', '--grace-period', '0s'], { name: 'gc', gracePeriodMs: 0 }],
    [['export', 'img', 'out.aci'], { name: 'export', image: 'img', output: 'out.aci', overwrite: false }],
    [['export', '--overwrite', 'img', 'o'], { name: 'export', image: 'img', output: 'o', overwrite: true }],
    [
      ['extract', 'img', 'dir', '--rootfs-only'],
      { name: 'extract', image: 'img', dir: 'dir', rootfsOnly: true, overwrite: false },
    ],
    [
      ['render', 'img', 'dir', '--overwrite'],
      { name: 'render', image: 'img', dir: 'dir', rootfsOnly: false, overwrite: true },
    ],
    [['cat-manifest', 'img'], { name: 'cat-manifest', image: 'img', pretty: true }],
    [['cat-manifest', 'img', '--pretty-print=false'], { name: 'cat-manifest', image: 'img', pretty: false }],
  ])('%j', async (args, expected) => {
    expect(await parse(args)).toEqual(expected);
  });

  it('accepts a unique prefix of a subcommand, as cobra does', async () => {
    expect(await parse(['ver', 'img'])).toEqual({ name: 'verify', images: ['img'] });
    expect(await parse(['--dir', '/d', 'exp', 'img', 'o.aci'])).toMatchObject({ name: 'export' });
  });

  it('takes the global flags anywhere', async () => {
    const { global, command } = await parseCommandLine(['--dir=/tmp/d', 'list', '--debug', '--no-legend']);
    expect(global).toMatchObject({ dir: '/tmp/d', debug: true });
    expect(command).toMatchObject({ name: 'list', noLegend: true });
  });

  it.each([
    [['list', '--fields=latest'], 'unknown option "latest"'],
    [['list', '--format=yaml'], 'Invalid format option: yaml'],
    [['list', '--bogus'], 'Unknown argument: bogus'],
    [
      ['gc', '--grace-period=1d'],
      'invalid argument "1d" for --grace-period=1d: time: unknown unit "d" in duration "1d"',
    ],
    [['rm'], 'Not enough non-option arguments'],
    [['export', 'img'], 'Not enough non-option arguments'],
    [['cat-manifest', 'a', 'b'], 'Unknown command: b'],
    [['bogus'], 'unknown command "bogus" for "rkt image"'],
    [['--dir', '/d', 'e'], 'unknown command "e" for "rkt image"'],
    [[], 'a subcommand is required'],
  ])('%j is a usage error (254)', async (args, message) => {
    await expect(parseCommandLine(args)).rejects.toMatchObject({
      exitCode: 254,
      message: expect.stringContaining(message) as unknown,
    });
  });
});

describe('subcommandOf', () => {
  it.each([
    [['list'], 'list'],
    [['--dir', '/x', 'rm', 'a'], 'rm'],
    [['--debug', '--dir=/x', 'gc'], 'gc'],
    [['--insecure-options', 'image'], undefined],
    [['li'], 'list'],
    [['cat'], 'cat-manifest'],
    [['e'], undefined],
    [['bogus'], undefined],
  ])('%j -> %s', (args, expected) => {
    expect(subcommandOf(args)).toBe(expected);
  });
});

describe('positionals never shadow global flags', () => {
  it('keeps --dir apart from the output directory', async () => {
    const { global, command } = await parseCommandLine(['--dir=/data', 'extract', 'img', '/out']);
    expect(global.dir).toBe('/data');
    expect(command).toMatchObject({ dir: '/out' });
    expect((await parseCommandLine(['render', 'img', '/out'])).global.dir).toBeUndefined();
  });
});
