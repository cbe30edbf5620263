import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandContext } from './command.js';
import { ENTER, GC, LIST } from './defs.js';
import { enterArgsFrom, gcOptions, listOptions } from './options.js';
import { podArgs } from './pod-args.js';
import { captureIo, cleanup, tempDataDir } from './testing.js';

afterEach(cleanup);

async function ctx(def: typeof LIST, argv: string[]) {
  const c = await commandContext(def, argv, captureIo());
  if (c === undefined) throw new Error('help');
  return c;
}

describe('argv to options', () => {
  it.each([
    [[], { noLegend: false, full: false, format: 'text' }],
    [['--no-legend', '--full'], { noLegend: true, full: true, format: 'text' }],
    [['--format', 'json-pretty'], { noLegend: false, full: false, format: 'json-pretty' }],
  ])('list %j', async (argv, expected) => {
    expect(listOptions(await ctx(LIST, ['--dir=/d', ...argv]))).toEqual({ dataDir: '/d', ...expected });
  });

  it('list rejects arguments and bad formats', async () => {
    expect(listOptions(await ctx(LIST, ['--dir=/d', 'x']))).toBe('usage');
    await expect(ctx(LIST, ['--dir=/d', '--format=yaml']).then(listOptions)).rejects.toThrow(
      'invalid argument "yaml" for --format=yaml: Invalid format option: yaml',
    );
  });

  it.each([
    [[], { gracePeriodMs: 1_800_000, expirePreparedMs: 86_400_000, markOnly: false }],
    [
      ['--grace-period=0s', '--expire-prepared', '1h', '--mark-only'],
      { gracePeriodMs: 0, expirePreparedMs: 3_600_000, markOnly: true },
    ],
  ])('gc %j', async (argv, expected) => {
    const o = gcOptions(await ctx(GC, ['--dir=/d', '--debug', ...argv]));
    expect(o).toEqual({ dataDir: '/d', debug: true, localConfig: '/etc/rkt', ...expected });
  });

  it('gc rejects a bad duration', async () => {
    await expect(ctx(GC, ['--dir=/d', '--grace-period=soon']).then(gcOptions)).rejects.toThrow(
      'invalid argument "soon" for "--grace-period" flag: time: invalid duration "soon"',
    );
  });

  it.each([
    [['abc'], { app: '', pod: 'abc', command: [] }],
    [
      ['--app=a', 'abc', '/bin/sh', '--app=x', '-c', 'y'],
      { app: 'a', pod: 'abc', command: ['/bin/sh', '--app=x', '-c', 'y'] },
    ],
    [['abc', '--', 'ls', '--', '-l'], { app: '', pod: 'abc', command: ['ls', '--', '-l'] }],
  ])('enter %j', async (argv, expected) => {
    expect(enterArgsFrom(await ctx(ENTER, ['--dir=/d', ...argv]))).toEqual(expected);
  });

  it('enter needs a UUID', async () => {
    expect(enterArgsFrom(await ctx(ENTER, ['--dir=/d']))).toBe('usage');
  });
});

describe('podArgs', () => {
  it('takes UUIDs or --uuid-file, not both, not neither', () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'uuid'), ' 4c45384b \n');
    expect(podArgs(['a', 'b'], '')).toEqual({ kind: 'uuids', args: ['a', 'b'] });
    expect(podArgs([], join(dir, 'uuid'))).toEqual({ kind: 'uuids', args: ['4c45384b'] });
    expect(podArgs([], '')).toEqual({ kind: 'usage' });
    expect(podArgs(['a'], join(dir, 'uuid'))).toEqual({ kind: 'usage' });
    const bad = podArgs([], join(dir, 'nope'));
    expect(bad.kind === 'unreadable' && bad.error.message).toBe(
      `unable to resolve UUID from file: open ${join(dir, 'nope')}: no such file or directory`,
    );
  });
});
