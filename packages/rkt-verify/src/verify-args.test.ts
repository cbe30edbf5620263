import { describe, expect, it } from 'vitest';
import { parseVerifyArgs } from './verify-args.js';

describe('parseVerifyArgs', () => {
  it.each([
    [
      ['--name=example.com/x', 'x.aci'],
      { file: 'x.aci', signature: 'x.aci.asc', name: 'example.com/x', format: 'text' },
    ],
    [['--name=a.com', '--signature=s', '-', '--format=json'], { file: '-', signature: 's', format: 'json' }],
    [
      ['--name=a.com', 'f', '--system-config=/s', '--local-config=/l'],
      { dirs: { systemConfig: '/s', localConfig: '/l' } },
    ],
    [['--name=a.com', 'f'], { dirs: { systemConfig: '/usr/lib/rkt', localConfig: '/etc/rkt' } }],
  ])('%j', async (args, expected) => {
    expect(await parseVerifyArgs(args)).toMatchObject(expected);
  });

  it('reports --help, which yargs has printed', async () => {
    expect(await parseVerifyArgs(['--help'])).toBe('help');
  });

  it.each([
    [['x.aci'], /--name is required/],
    [['--name=a.com'], /exactly one FILE/],
    [['--name=a.com', 'a', 'b'], /exactly one FILE/],
    [['--name=a.com', '-'], /stdin needs --signature/],
    [['--name=a.com', 'f', '--format=yaml'], /Invalid format option: yaml/],
  ])('refuses %j', async (args, message) => {
    await expect(parseVerifyArgs(args)).rejects.toMatchObject({
      exitCode: 254,
      message: expect.stringMatching(message),
    });
  });
});
