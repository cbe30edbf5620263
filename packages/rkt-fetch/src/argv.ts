import { commandLine } from '@rkt/common/cli';
import { globalOptionsFrom, parseFormat, type GlobalOptions, type OutputFormat } from '@rkt/common';
import { usageError as usage } from './errors.js';
import { imageRequests } from './requests.js';
import type { ImageRequest, PullPolicy } from './types.js';

/** `rkt fetch` argv as options. */
export interface FetchCommand {
  globals: GlobalOptions;
  requests: ImageRequest[];
  pullPolicy: PullPolicy;
  full: boolean;
  format: OutputFormat;
  /** deprecation notes to print */
  warnings: string[];
}

/** Undefined when --help was asked for (yargs has printed it). */
export async function parseFetchArgs(args: readonly string[]): Promise<FetchCommand | undefined> {
  const argv = await commandLine('rkt fetch', args)
    .usage(
      '$0 IMAGE [--signature=FILE] [IMAGE [--signature=FILE] ...] [flags]\n\nFetch image(s) and store them in the local store.',
    )
    .options({
      // Not an array option: yargs would swallow the images that follow. Repeats still collect.
      signature: {
        type: 'string',
        describe: 'local signature file to use in validating the preceding image',
      },
      full: { type: 'boolean', default: false, describe: 'print the full image hash after fetching' },
      'pull-policy': {
        choices: ['new', 'update', 'never'],
        default: 'update',
        describe: 'when to fetch: never (store only), new (if not in the store), update (check the remote)',
      },
      'store-only': { type: 'boolean', default: false, describe: 'deprecated: use --pull-policy=never' },
      'no-store': { type: 'boolean', default: false, describe: 'deprecated: use --pull-policy=update' },
      format: {
        type: 'string',
        default: '',
        describe: 'output: "" (one image ID per line), json or json-pretty (one object per image)',
      },
    })
    .parseAsync();
  if (argv.help === true) return undefined;
  const appArgs: unknown = argv['--'];
  if (Array.isArray(appArgs) && appArgs.length > 0)
    throw usage('arguments after "--" are not allowed for fetch');
  const requests = imageRequests(args);
  if (requests.length !== argv._.length) throw usage(`cannot tell images from flags in: ${args.join(' ')}`);
  if (requests.length === 0) throw usage('at least one image is required');
  const warnings: string[] = [];
  let pullPolicy = argv['pull-policy'] as PullPolicy;
  if (argv['store-only'] && argv['no-store'])
    throw usage('--store-only and --no-store are mutually exclusive');
  if (argv['store-only']) {
    warnings.push('--store-only is deprecated, use --pull-policy=never');
    pullPolicy = 'never';
  }
  if (argv['no-store']) {
    warnings.push('--no-store is deprecated, use --pull-policy=update');
    pullPolicy = 'update';
  }
  return {
    globals: globalOptionsFrom(argv),
    requests,
    pullPolicy,
    full: argv.full,
    format: parseFormat(argv.format),
    warnings,
  };
}
