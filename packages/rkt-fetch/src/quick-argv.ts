import { globalOptionsFrom, parseFormat, type GlobalFlagsArgv } from '@rkt/common';
import type { FetchCommand } from './argv.js';
import { imageRequests } from './requests.js';
import type { PullPolicy } from './types.js';

const STRING_FLAGS = new Set([
  'dir',
  'system-config',
  'local-config',
  'user-config',
  'insecure-options',
  'pull-policy',
  'format',
  'signature',
]);
const BOOLEAN_FLAGS = new Set(['full', 'debug', 'trust-keys-from-https']);
const POLICIES: readonly string[] = ['new', 'update', 'never'];

/**
 * The plain command lines (`--flag=value`, bare booleans, images) without loading yargs, which
 * costs more than the rest of a store lookup. Anything else (help, `--`, separate flag values,
 * repeats, deprecated flags, mistakes) returns undefined: parseFetchArgs then decides, and its
 * answer is the reference (argv.test.ts checks both agree).
 */
export function quickParse(args: readonly string[]): FetchCommand | undefined {
  const flags = new Map<string, string | true>();
  let images = 0;
  for (const arg of args) {
    if (!arg.startsWith('-')) {
      if (arg === '') return undefined;
      images++;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const [name, value] = [m?.[1] ?? '', m?.[2]];
    if (name === 'signature' && value !== undefined) continue;
    if (flags.has(name)) return undefined;
    if (STRING_FLAGS.has(name) && value !== undefined) flags.set(name, value);
    else if (BOOLEAN_FLAGS.has(name) && value === undefined) flags.set(name, true);
    else return undefined;
  }
  const policy = flags.get('pull-policy') ?? 'update';
  if (images === 0 || typeof policy !== 'string' || !POLICIES.includes(policy)) return undefined;
  const text = (name: string) => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const globals: GlobalFlagsArgv = {
    debug: flags.has('debug'),
    'trust-keys-from-https': flags.has('trust-keys-from-https'),
  };
  for (const name of ['dir', 'system-config', 'local-config', 'user-config', 'insecure-options'] as const) {
    const v = text(name);
    if (v !== undefined) globals[name] = v;
  }
  return {
    globals: globalOptionsFrom(globals),
    requests: imageRequests(args),
    pullPolicy: policy as PullPolicy,
    full: flags.has('full'),
    format: parseFormat(text('format')),
    warnings: [],
  };
}
