import { RktError } from '@rkt/common';

/**
 * A cobra/pflag-like flag parser, small enough that `rkt list` and `rkt gc` start without loading a
 * general CLI framework. Long flags only: `--name=value`, `--name value` (strings), bare `--name`
 * (booleans, and strings with a `bare` value like cobra's NoOptDefVal, which never take the next
 * word), `--` ends the flags. Errors are USAGE RktErrors (exit 254), as cobra's flag errors in rkt.
 */
export interface FlagSpec {
  kind: 'bool' | 'string';
  /** value when the flag is absent */
  default: string;
  /** value of a bare `--name` for a string flag (cobra's NoOptDefVal); such a flag never eats the next word */
  bare?: string;
  describe: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface ParsedArgs {
  /** every declared flag, given or defaulted */
  flags: Map<string, string>;
  /** names of the flags given on the command line */
  given: Set<string>;
  args: string[];
  help: boolean;
}

/** rkt's global flags, accepted by every command (rkt.md §0). */
export const GLOBAL_FLAGS: FlagSpecs = {
  dir: { kind: 'string', default: '', describe: 'rkt data directory' },
  'system-config': { kind: 'string', default: '/usr/lib/rkt', describe: 'system configuration directory' },
  'local-config': { kind: 'string', default: '/etc/rkt', describe: 'local configuration directory' },
  'user-config': { kind: 'string', default: '', describe: 'user configuration directory' },
  'insecure-options': { kind: 'string', default: 'none', describe: 'security features to disable' },
  debug: { kind: 'bool', default: 'false', describe: 'print out more debug information to stderr' },
  'trust-keys-from-https': {
    kind: 'bool',
    default: 'false',
    describe: 'automatically trust gpg keys fetched from https',
  },
};

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** Go's strconv.ParseBool; undefined for anything else. */
export function parseGoBool(value: string): boolean | undefined {
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  return undefined;
}

function usage(message: string): RktError {
  return new RktError('USAGE', message);
}

/**
 * Parse `argv` against the command's flags plus the global ones. With `interspersed: false` the
 * first positional word ends the flags (rkt enter: the rest is the command to run).
 */
export function parseArgs(
  argv: readonly string[],
  specs: FlagSpecs,
  options: { interspersed?: boolean } = {},
): ParsedArgs {
  const all: FlagSpecs = { ...GLOBAL_FLAGS, ...specs };
  const flags = new Map(Object.entries(all).map(([name, s]) => [name, s.default]));
  const given = new Set<string>();
  const args: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (word === '-h' || word === '--help') {
      help = true;
      continue;
    }
    if (!word.startsWith('-') || word === '-') {
      args.push(word);
      if (options.interspersed === false) {
        args.push(...argv.slice(i + 1));
        break;
      }
      continue;
    }
    if (!word.startsWith('--')) throw usage(`unknown shorthand flag: '${word[1]}' in ${word}`);
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? undefined : eq);
    const spec = all[name];
    if (spec === undefined) throw usage(`unknown flag: --${name}`);
    let value = eq < 0 ? undefined : word.slice(eq + 1);
    if (value === undefined) {
      if (spec.kind === 'bool') value = 'true';
      else if (spec.bare !== undefined) value = spec.bare;
      else if (i + 1 < argv.length) value = argv[++i] as string;
      else throw usage(`flag needs an argument: --${name}`);
    }
    if (spec.kind === 'bool') {
      const b = parseGoBool(value);
      if (b === undefined)
        throw usage(
          `invalid argument ${JSON.stringify(value)} for "--${name}" flag: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
        );
      value = String(b);
    }
    flags.set(name, value);
    given.add(name);
  }
  return { flags, given, args, help };
}

/** The value of a declared flag (declared flags always have one). */
export function flag(parsed: ParsedArgs, name: string): string {
  const value = parsed.flags.get(name);
  if (value === undefined) throw new Error(`flag --${name} is not declared`);
  return value;
}

export function boolFlag(parsed: ParsedArgs, name: string): boolean {
  return flag(parsed, name) === 'true';
}

/** `--name=value  description` lines for a usage text. */
export function describeFlags(specs: FlagSpecs): string {
  return Object.entries(specs)
    .map(([name, s]) => {
      const shown = s.kind === 'bool' ? `--${name}[=${s.default}]` : `--${name}=${s.default}`;
      return `\t${shown.padEnd(28)}\t${s.describe}`;
    })
    .join('\n');
}
