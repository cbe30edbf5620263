import { describe, expect, it } from 'vitest';
import { parseArgs, type FlagSpecs } from './flags.js';

const SPECS: FlagSpecs = {
  force: { kind: 'bool', default: 'false', describe: '' },
  format: { kind: 'string', default: '', describe: '' },
  wait: { kind: 'string', default: 'false', bare: 'true', describe: '' },
};

describe('parseArgs', () => {
  it.each([
    [['--force', 'a', 'b'], { force: 'true' }, ['a', 'b']],
    [['a', '--force=false', 'b'], { force: 'false' }, ['a', 'b']],
    [['--force=T'], { force: 'true' }, []],
    [['--format', 'json', 'x'], { format: 'json' }, ['x']],
    [['--format=json-pretty'], { format: 'json-pretty' }, []],
    [['--wait', 'x'], { wait: 'true' }, ['x']],
    [['--wait=5s', 'x'], { wait: '5s' }, ['x']],
    [['--dir', '/d', 'x'], { dir: '/d' }, ['x']],
    [['--debug', '--', '--force'], { debug: 'true', force: 'false' }, ['--force']],
    [['-'], {}, ['-']],
  ])('%j', (argv, flags, args) => {
    const parsed = parseArgs(argv, SPECS);
    for (const [k, v] of Object.entries(flags)) expect(parsed.flags.get(k)).toBe(v);
    expect(parsed.args).toEqual(args);
  });

  it('defaults every declared flag and records which were given', () => {
    const parsed = parseArgs(['--force'], SPECS);
    expect(parsed.flags.get('format')).toBe('');
    expect(parsed.flags.get('insecure-options')).toBe('none');
    expect([...parsed.given]).toEqual(['force']);
  });

  it('stops at the first positional word when flags are not interspersed', () => {
    const parsed = parseArgs(['--force', 'uuid', '/bin/sh', '--format', 'x', '--'], SPECS, {
      interspersed: false,
    });
    expect(parsed.args).toEqual(['uuid', '/bin/sh', '--format', 'x', '--']);
    expect(parsed.flags.get('format')).toBe('');
  });

  it('sees help', () => {
    expect(parseArgs(['-h'], SPECS).help).toBe(true);
    expect(parseArgs(['--help'], SPECS).help).toBe(true);
  });

  it.each([
    [['--nope'], 'unknown flag: --nope'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['--format'], 'flag needs an argument: --format'],
    [
      ['--force=maybe'],
      'invalid argument "maybe" for "--force" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    ],
  ])('rejects %j (USAGE, 254)', (argv, message) => {
    expect(() => parseArgs(argv, SPECS)).toThrow(
      expect.objectContaining({ code: 'USAGE', exitCode: 254, message }),
    );
  });
});
