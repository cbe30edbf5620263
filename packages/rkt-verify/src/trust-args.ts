import { commandLine } from '@rkt/common/cli';
import { globalOptionsFrom, parseFormat, RktError, type OutputFormat } from '@rkt/common';
import { TrustError } from './errors.js';
import type { KeystoreDirs } from './keystore/dirs.js';
import type { ListFilter } from './keystore/list.js';
import { checkPrefix } from './names.js';

interface Common {
  dirs: KeystoreDirs;
  debug: boolean;
}

/** What `rkt trust ...` asks for, from argv. */
export type TrustCommand =
  | { kind: 'usage'; help: string }
  /** --help was given: yargs has printed the help already. */
  | { kind: 'help' }
  | (Common & {
      kind: 'add';
      /** undefined = --root */
      prefix: string | undefined;
      /** `host:port` of a `--prefix=host:port/path`: where keys are discovered */
      authority?: string;
      locations: string[];
      skipFingerprintReview: boolean;
      trustKeysFromHttps: boolean;
      insecureAllowHttp: boolean;
      skipTlsVerify: boolean;
    })
  | (Common & { kind: 'list'; filter: ListFilter; format: OutputFormat })
  | (Common & { kind: 'rm'; ref: string; scope: { prefix: string | undefined } | 'all' });

const USAGE = `$0 [--prefix=PREFIX | --root] [flags] [KEY...]
  $0 list [--prefix=PREFIX | --root] [--format=json]
  $0 rm FINGERPRINT [--prefix=PREFIX | --root]

Trust a key for image verification: adds keys to the local keystore.
KEY is a local file or an https URL; without KEY, meta discovery of the prefix's keys is attempted.
PREFIX scopes the key to image names under it (example.com/app covers example.com/app/x);
--root trusts it for every image. "list" shows the trusted keys, "rm" stops trusting one.`;

export async function parseTrustArgs(args: readonly string[]): Promise<TrustCommand> {
  const y = commandLine('rkt trust', args)
    .usage(USAGE)
    .options({
      prefix: { type: 'string', describe: 'prefix to limit trust to' },
      root: { type: 'boolean', default: false, describe: 'trust the key for every image (no prefix)' },
      'skip-fingerprint-review': {
        type: 'boolean',
        default: false,
        describe: 'accept keys without fingerprint confirmation',
      },
      'insecure-allow-http': {
        type: 'boolean',
        default: false,
        describe: 'allow HTTP for key discovery and retrieval',
      },
      format: { type: 'string', default: '', describe: 'trust list output: "" (table), json or json-pretty' },
    });
  const argv = await y.parseAsync();
  if (argv.help === true) return { kind: 'help' };
  const global = globalOptionsFrom(argv);
  const common: Common = {
    dirs: { systemConfig: global.systemConfig, localConfig: global.localConfig },
    debug: global.debug,
  };
  const words = argv._.map(String);
  const { prefix, authority } = splitAuthority(argv.prefix);
  if (prefix !== undefined && argv.root) {
    throw new TrustError('TRUST_SCOPE_CONFLICT', '--root and --prefix usage mutually exclusive');
  }
  if (prefix !== undefined) checkPrefix(prefix);
  const format = parseFormat(argv.format);
  if (words[0] !== 'list' && format !== 'text') throw usage('--format applies only to "trust list"');
  const scope = prefix !== undefined ? { prefix } : argv.root ? { prefix: undefined } : undefined;
  if (words[0] === 'list') {
    if (words.length > 1) throw usage('"trust list" takes no arguments');
    const filter: ListFilter = scope === undefined ? {} : prefix !== undefined ? { prefix } : { root: true };
    return { ...common, kind: 'list', filter, format };
  }
  if (words[0] === 'rm') {
    const [, ref, ...extra] = words;
    if (ref === undefined || extra.length > 0) throw usage('"trust rm" takes exactly one FINGERPRINT');
    return { ...common, kind: 'rm', ref, scope: scope ?? 'all' };
  }
  if (scope === undefined) {
    if (words.length === 0) return { kind: 'usage', help: await y.getHelp() };
    throw new TrustError('TRUST_NO_SCOPE', 'aborting due to implicit unbounded trust (root domain)', {
      hint:
        'Give the prefix to trust the key for: rkt trust --prefix=example.com/app KEY\n' +
        'or ask for trust at the root domain (every image; not recommended): rkt trust --root KEY',
    });
  }
  return {
    ...common,
    kind: 'add',
    prefix: scope.prefix,
    ...(authority === undefined ? {} : { authority }),
    locations: words,
    skipFingerprintReview: argv['skip-fingerprint-review'],
    trustKeysFromHttps: global.trustKeysFromHttps,
    insecureAllowHttp: argv['insecure-allow-http'],
    skipTlsVerify: global.insecureOptions.has('tls'),
  };
}

// As fetch names images: AC identifiers hold no colon, so `host:port/...` can only say where to discover.
const HOST_PORT = /^([a-z0-9.-]+):(\d{1,5})(\/.*)?$/;

/** `--prefix=127.0.0.1:8080/app` → prefix `127.0.0.1/app`, discovered on `127.0.0.1:8080`. */
function splitAuthority(value: string | undefined): { prefix: string | undefined; authority?: string } {
  if (value === undefined || value === '') return { prefix: undefined };
  const m = HOST_PORT.exec(value);
  if (m === null) return { prefix: value };
  return { prefix: `${m[1]}${m[3] ?? ''}`, authority: `${m[1]}:${m[2]}` };
}

function usage(message: string): RktError {
  return new RktError('USAGE', message, { hint: "Run 'rkt trust --help' for usage." });
}
