import { RktError } from '../errors.js';

/** The individual checks --insecure-options can turn off (rkt's bit flags). */
export const INSECURE_OPTIONS = [
  'image',
  'tls',
  'ondisk',
  'http',
  'pubkey',
  'capabilities',
  'paths',
  'seccomp',
] as const;
export type InsecureOption = (typeof INSECURE_OPTIONS)[number];
export type InsecureOptions = ReadonlySet<InsecureOption>;

/** Names accepted on the command line. all-run includes ondisk as in rkt's code (its docs omit it);
 *  ondisk is accepted and ignored anyway. */
const NAMES: Readonly<Record<string, readonly InsecureOption[]>> = {
  none: [],
  image: ['image'],
  tls: ['tls'],
  ondisk: ['ondisk'],
  http: ['http'],
  pubkey: ['pubkey'],
  capabilities: ['capabilities'],
  paths: ['paths'],
  seccomp: ['seccomp'],
  'all-fetch': ['image', 'tls', 'http', 'pubkey'],
  'all-run': ['ondisk', 'capabilities', 'paths', 'seccomp'],
  all: INSECURE_OPTIONS,
};

/**
 * Parses rkt's --insecure-options value: a comma list, case-insensitive, "" = none. An unknown or
 * repeated name is an RktError (254) naming it, worded like rkt's flag error.
 */
export function parseInsecureOptions(value: string): InsecureOptions {
  const result = new Set<InsecureOption>();
  if (value === '') return result;
  const seen = new Set<string>();
  for (const name of value.toLowerCase().split(',')) {
    const expansion = Object.hasOwn(NAMES, name) ? NAMES[name] : undefined;
    if (expansion === undefined) throw invalid(value, `unknown option ${JSON.stringify(name)}`);
    if (seen.has(name)) throw invalid(value, `duplicated option ${JSON.stringify(name)}`);
    seen.add(name);
    for (const option of expansion) result.add(option);
  }
  return result;
}

function invalid(value: string, reason: string): RktError {
  return new RktError(
    'INVALID_INSECURE_OPTIONS',
    `invalid argument ${JSON.stringify(value)} for --insecure-options=${value}: ${reason}`,
    { hint: `valid options: ${Object.keys(NAMES).join(', ')}` },
  );
}
