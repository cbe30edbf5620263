import type { Argv } from 'yargs';
import { parseInsecureOptions } from './insecure-options.js';
import type { InsecureOptions } from './insecure-options.js';

export const DEFAULT_DATA_DIR = '/var/lib/rkt';
export const DEFAULT_SYSTEM_CONFIG_DIR = '/usr/lib/rkt';
export const DEFAULT_LOCAL_CONFIG_DIR = '/etc/rkt';

/** The flags every rkt binary accepts, as yargs parses them. */
export interface GlobalFlagsArgv {
  dir?: string | undefined;
  'system-config'?: string | undefined;
  'local-config'?: string | undefined;
  'user-config'?: string | undefined;
  'insecure-options'?: string | undefined;
  debug?: boolean | undefined;
  'trust-keys-from-https'?: boolean | undefined;
}

export interface GlobalOptions {
  /** --dir only when given (non-empty); resolve the data dir with resolveDataDir(), which falls back
   *  to paths.d and then DEFAULT_DATA_DIR. */
  dir: string | undefined;
  systemConfig: string;
  localConfig: string;
  /** "" = no user config dir. */
  userConfig: string;
  insecureOptions: InsecureOptions;
  debug: boolean;
  trustKeysFromHttps: boolean;
}

/** Adds the global flags (on every subcommand too). --dir has no yargs default on purpose: whether it
 *  was given decides if paths.d may choose the data dir. */
export function addGlobalFlags<T>(y: Argv<T>): Argv<T & GlobalFlagsArgv> {
  return y
    .option('dir', {
      type: 'string',
      global: true,
      describe: 'rkt data directory',
      defaultDescription: `${DEFAULT_DATA_DIR} (or paths.d "data")`,
    })
    .option('system-config', {
      type: 'string',
      global: true,
      default: DEFAULT_SYSTEM_CONFIG_DIR,
      describe: 'system configuration directory',
    })
    .option('local-config', {
      type: 'string',
      global: true,
      default: DEFAULT_LOCAL_CONFIG_DIR,
      describe: 'local configuration directory',
    })
    .option('user-config', {
      type: 'string',
      global: true,
      default: '',
      describe: 'user configuration directory',
    })
    .option('insecure-options', {
      type: 'string',
      global: true,
      default: 'none',
      describe:
        'comma-separated list of security features to disable: none, image, tls, ondisk, http, pubkey, ' +
        'capabilities, paths, seccomp, all-fetch, all-run, all',
    })
    .option('debug', {
      type: 'boolean',
      global: true,
      default: false,
      describe: 'print out more debug information to stderr',
    })
    .option('trust-keys-from-https', {
      type: 'boolean',
      global: true,
      default: false,
      describe: 'automatically trust gpg keys fetched from https',
    });
}

/** Typed options from parsed argv; missing values get rkt's defaults. Throws RktError (254) for a bad
 *  --insecure-options. */
export function globalOptionsFrom(argv: GlobalFlagsArgv): GlobalOptions {
  return {
    dir: argv.dir === undefined || argv.dir === '' ? undefined : argv.dir,
    systemConfig: argv['system-config'] ?? DEFAULT_SYSTEM_CONFIG_DIR,
    localConfig: argv['local-config'] ?? DEFAULT_LOCAL_CONFIG_DIR,
    userConfig: argv['user-config'] ?? '',
    insecureOptions: parseInsecureOptions(argv['insecure-options'] ?? 'none'),
    debug: argv.debug ?? false,
    trustKeysFromHttps: argv['trust-keys-from-https'] ?? false,
  };
}

/**
 * Typed options from a parser that keeps flag values as strings: `value(name)` is the last value
 * given for a global flag, or undefined; booleans are given as "true"/"false".
 */
export function globalOptionsFromValues(value: (name: string) => string | undefined): GlobalOptions {
  const bool = (name: string) => (value(name) === undefined ? undefined : value(name) === 'true');
  return globalOptionsFrom({
    dir: value('dir'),
    'system-config': value('system-config'),
    'local-config': value('local-config'),
    'user-config': value('user-config'),
    'insecure-options': value('insecure-options'),
    debug: bool('debug'),
    'trust-keys-from-https': bool('trust-keys-from-https'),
  });
}
