import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { addGlobalFlags, globalOptionsFrom, globalOptionsFromValues } from './global-flags.js';

async function parse(args: string[]) {
  let seen: Record<string, unknown> | undefined;
  const y = addGlobalFlags(yargs(args))
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    })
    .command(
      'list',
      'list pods',
      () => undefined,
      (argv) => {
        seen = argv;
      },
    );
  const argv = await y.parseAsync();
  return { options: globalOptionsFrom(argv), seen };
}

describe('addGlobalFlags + globalOptionsFrom', () => {
  it('gives rkt defaults', async () => {
    const { options } = await parse([]);
    expect(options).toEqual({
      dir: undefined,
      systemConfig: '/usr/lib/rkt',
      localConfig: '/etc/rkt',
      userConfig: '',
      insecureOptions: new Set(),
      debug: false,
      trustKeysFromHttps: false,
    });
  });

  it('reads every flag, before or after the subcommand', async () => {
    const { options, seen } = await parse([
      '--dir=/tmp/rkt',
      'list',
      '--system-config',
      '/s',
      '--local-config=/l',
      '--user-config=/u',
      '--insecure-options=image,tls',
      '--debug',
      '--trust-keys-from-https',
    ]);
    expect(seen).toBeDefined();
    expect(options).toEqual({
      dir: '/tmp/rkt',
      systemConfig: '/s',
      localConfig: '/l',
      userConfig: '/u',
      insecureOptions: new Set(['image', 'tls']),
      debug: true,
      trustKeysFromHttps: true,
    });
  });

  it('accepts Go-style --debug=false and treats an empty --dir as not given', async () => {
    const { options } = await parse(['--debug=false', '--dir=']);
    expect(options.debug).toBe(false);
    expect(options.dir).toBeUndefined();
  });

  it('rejects a bad --insecure-options value with an RktError', async () => {
    await expect(parse(['--insecure-options=bogus'])).rejects.toMatchObject({
      code: 'INVALID_INSECURE_OPTIONS',
      exitCode: 254,
    });
  });

  it('applies defaults to a bare object', () => {
    expect(globalOptionsFrom({}).systemConfig).toBe('/usr/lib/rkt');
    expect([...globalOptionsFrom({ 'insecure-options': 'all-fetch' }).insecureOptions]).toEqual([
      'image',
      'tls',
      'http',
      'pubkey',
    ]);
  });
});

describe('globalOptionsFromValues', () => {
  it('reads string values the way globalOptionsFrom reads parsed ones', () => {
    const values: Record<string, string> = { dir: '/d', 'insecure-options': 'image', debug: 'true' };
    const o = globalOptionsFromValues((name) => values[name]);
    expect(o).toMatchObject({ dir: '/d', debug: true, trustKeysFromHttps: false, localConfig: '/etc/rkt' });
    expect([...o.insecureOptions]).toEqual(['image']);
    expect(globalOptionsFromValues(() => undefined)).toMatchObject({ dir: undefined, debug: false });
  });
});
