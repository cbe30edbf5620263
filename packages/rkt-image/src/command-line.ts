import { commandLine } from '@rkt/common/cli';
import { globalOptionsFrom, parseFormat, RktError } from '@rkt/common';
import type { GlobalOptions, OutputFormat } from '@rkt/common';
import type { Argv } from 'yargs';
import { parseGoDuration } from './duration.js';
import { IMAGE_FIELDS, parseOptionList, parseOrder, SORT_FIELDS } from './list.js';
import type { ImageField, SortField } from './list.js';

export interface ListCommand {
  name: 'list';
  fields: ImageField[];
  sort: SortField[];
  ascending: boolean;
  noLegend: boolean;
  full: boolean;
  format: OutputFormat;
}

export type ImageCommand =
  | ListCommand
  | { name: 'rm' | 'verify'; images: string[] }
  | { name: 'gc'; gracePeriodMs: number }
  | { name: 'export'; image: string; output: string; overwrite: boolean }
  | { name: 'extract' | 'render'; image: string; dir: string; rootfsOnly: boolean; overwrite: boolean }
  | { name: 'cat-manifest'; image: string; pretty: boolean }
  /** --help was given and yargs has printed the help */
  | { name: 'help' };

export const SUBCOMMANDS = [
  'list',
  'rm',
  'gc',
  'export',
  'extract',
  'render',
  'cat-manifest',
  'verify',
] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

const VALUE_FLAGS = new Set([
  '--dir',
  '--system-config',
  '--local-config',
  '--user-config',
  '--insecure-options',
]);

/** Where the subcommand word is in an `rkt image` command line (skipping global flags and their values). */
export function findSubcommand(args: readonly string[]): { index: number; word: string } | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-')) return { index: i, word: a };
  }
  return undefined;
}

/** A subcommand by its name or, as cobra allows, a unique prefix of it; undefined when none matches. */
export function matchSubcommand(word: string): Subcommand | undefined {
  const exact = SUBCOMMANDS.find((s) => s === word);
  if (exact !== undefined) return exact;
  const candidates = SUBCOMMANDS.filter((s) => s.startsWith(word));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The subcommand named on the command line, for prefixing diagnostics. */
export function subcommandOf(args: readonly string[]): Subcommand | undefined {
  const found = findSubcommand(args);
  return found === undefined ? undefined : matchSubcommand(found.word);
}

const image = (y: Argv, name = 'image') =>
  y.positional(name, {
    type: 'string',
    describe: 'an image ID (sha512-<hex prefix>) or name[:version][,label=value]',
  });
const dirFlags = (y: Argv, what: string) =>
  y.options({
    'rootfs-only': { type: 'boolean', default: false, describe: `${what} rootfs only` },
    overwrite: { type: 'boolean', default: false, describe: 'overwrite output directory' },
  });

function build(args: readonly string[]) {
  return commandLine('rkt image', args)
    .strictCommands()
    .demandCommand(1, 'a subcommand is required')
    .command('list', 'List images in the local store', (y) =>
      y.options({
        fields: {
          type: 'string',
          default: IMAGE_FIELDS.join(','),
          describe: `comma-separated list of fields to display: ${IMAGE_FIELDS.join(', ')}`,
        },
        sort: {
          type: 'string',
          default: 'importtime',
          describe: `comma-separated list of fields to sort by: ${SORT_FIELDS.join(', ')}`,
        },
        order: { type: 'string', default: 'asc', describe: 'sort order: "asc" or "desc"' },
        'no-legend': { type: 'boolean', default: false, describe: 'suppress a legend with the list' },
        full: { type: 'boolean', default: false, describe: 'use long output format' },
        format: { type: 'string', default: '', describe: 'output format: "" (table), json or json-pretty' },
      }),
    )
    .command('rm <images..>', 'Remove images (by ID or name) from the local store', (y) =>
      image(y, 'images').array('images'),
    )
    .command('gc', 'Garbage collect the local store', (y) =>
      y.option('grace-period', {
        type: 'string',
        default: '24h',
        describe: 'remove images unused for longer than this (Go duration: 24h, 30m, 0s)',
      }),
    )
    .command('export <image> <output>', 'Export a stored image to an uncompressed ACI file', (y) =>
      image(image(y), 'output').option('overwrite', {
        type: 'boolean',
        default: false,
        describe: 'overwrite output ACI',
      }),
    )
    .command(
      'extract <image> <output-dir>',
      'Extract a stored image (without dependencies) to a directory',
      (y) => dirFlags(image(image(y), 'output-dir'), 'extract'),
    )
    .command(
      'render <image> <output-dir>',
      'Render a stored image with all its dependencies to a directory',
      (y) => dirFlags(image(image(y), 'output-dir'), 'render'),
    )
    .command('cat-manifest <image>', 'Print the image manifest', (y) =>
      image(y).option('pretty-print', {
        type: 'boolean',
        default: true,
        describe: 'apply indent to format the output',
      }),
    )
    .command('verify <images..>', 'Verify the rendered trees of stored images', (y) =>
      image(y, 'images').array('images'),
    );
}

/** `rkt image` argv to the global options and the subcommand. Usage errors are RktErrors (254). */
export async function parseCommandLine(
  args: readonly string[],
): Promise<{ global: GlobalOptions; command: ImageCommand }> {
  const found = findSubcommand(args);
  const words = [...args];
  if (found !== undefined) {
    const name = matchSubcommand(found.word);
    if (name === undefined) {
      throw new RktError('USAGE', `unknown command ${JSON.stringify(found.word)} for "rkt image"`, {
        hint: "Run 'rkt image --help' for usage.",
      });
    }
    words[found.index] = name;
  }
  const argv = await build(words).parseAsync();
  const global = globalOptionsFrom(argv);
  const a = argv as Record<string, unknown>;
  const str = (key: string) => String(a[key]);
  const bool = (key: string) => a[key] === true;
  const name = String(argv._[0]);
  if (a.help === true) return { global, command: { name: 'help' } };
  switch (name) {
    case 'list':
      return {
        global,
        command: {
          name,
          fields: parseOptionList('fields', str('fields'), IMAGE_FIELDS),
          sort: parseOptionList('sort', str('sort'), SORT_FIELDS),
          ascending: parseOrder(str('order')),
          noLegend: bool('no-legend'),
          full: bool('full'),
          format: parseFormat(str('format')),
        },
      };
    case 'rm':
    case 'verify':
      return { global, command: { name, images: (a.images as unknown[]).map(String) } };
    case 'gc':
      return { global, command: { name, gracePeriodMs: parseGrace(str('grace-period')) } };
    case 'export':
      return {
        global,
        command: { name, image: str('image'), output: str('output'), overwrite: bool('overwrite') },
      };
    case 'extract':
    case 'render':
      return {
        global,
        command: {
          name,
          image: str('image'),
          dir: str('output-dir'),
          rootfsOnly: bool('rootfs-only'),
          overwrite: bool('overwrite'),
        },
      };
    case 'cat-manifest':
      return { global, command: { name, image: str('image'), pretty: bool('pretty-print') } };
    default:
      throw new Error(`unexpected subcommand ${name}`);
  }
}

function parseGrace(value: string): number {
  try {
    return parseGoDuration(value);
  } catch (err) {
    throw new RktError(
      'USAGE',
      `invalid argument ${JSON.stringify(value)} for --grace-period=${value}: ${(err as Error).message}`,
    );
  }
}
