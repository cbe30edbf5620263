import { TrustError } from '../errors.js';
import type { KeystoreDirs } from '../keystore/dirs.js';
import { storeTrustedKey } from '../keystore/store.js';
import { checkPrefix } from '../names.js';
import { readPublicKeys, summarizeKey, type KeySummary } from '../pgp.js';
import { keyProblem } from '../verify/key-validity.js';
import { discoverPubkeysUnsupported, type DiscoverPubkeys } from './discovery.js';
import { readKeyLocation } from './key-location.js';

/** The keys found at one location, shown to the user before they are trusted. */
export interface KeyCandidate {
  location: string;
  prefix: string | undefined;
  keys: KeySummary[];
  /** One line per key that could verify nothing now (revoked, expired). Stored anyway: see README. */
  problems: string[];
}

/** How trustKeys talks to its user; the CLI prints, tests record. */
export interface TrustHooks {
  /** Always called first for a location, reviewed or not. */
  show(candidate: KeyCandidate): void;
  /** Asked only when review is needed; false = do not trust this location. */
  confirm(candidate: KeyCandidate): Promise<boolean>;
  accepted(candidate: KeyCandidate, reviewed: boolean): void;
  declined(candidate: KeyCandidate): void;
  stored(candidate: KeyCandidate, path: string): void;
}

export interface TrustOptions {
  dirs: KeystoreDirs;
  /** undefined = root (--root). */
  prefix: string | undefined;
  /** Files or URLs; empty = discover them for the prefix. */
  locations: readonly string[];
  skipFingerprintReview: boolean;
  /** Accept keys from https URLs without review (rkt's global --trust-keys-from-https). */
  trustKeysFromHttps: boolean;
  insecureAllowHttp: boolean;
  skipTlsVerify: boolean;
  discoverPubkeys?: DiscoverPubkeys;
  hooks: TrustHooks;
  now?: Date;
}

export interface TrustOutcome {
  location: string;
  accepted: boolean;
  /** Paths written, one per key. */
  paths: string[];
}

/** `rkt trust`: get each key location, show it, have it reviewed unless told not to, store it locally. */
export async function trustKeys(options: TrustOptions): Promise<TrustOutcome[]> {
  const { prefix, hooks } = options;
  if (prefix !== undefined) checkPrefix(prefix);
  const locations = options.locations.length > 0 ? options.locations : await discover(options);
  const outcomes: TrustOutcome[] = [];
  for (const location of locations) {
    const keys = await readPublicKeys(await readKeyLocation(location, options), `key "${location}"`);
    const problems = (await Promise.all(keys.map((k) => keyProblem(k, options.now ?? new Date())))).filter(
      (p) => p !== undefined,
    );
    const candidate: KeyCandidate = { location, prefix, keys: keys.map(summarizeKey), problems };
    hooks.show(candidate);
    const forced =
      options.skipFingerprintReview || (options.trustKeysFromHttps && /^https:\/\//i.test(location));
    if (!forced && !(await hooks.confirm(candidate))) {
      hooks.declined(candidate);
      outcomes.push({ location, accepted: false, paths: [] });
      continue;
    }
    hooks.accepted(candidate, !forced);
    const paths: string[] = [];
    for (const key of keys) {
      const path = await storeTrustedKey(options.dirs, prefix, key);
      hooks.stored(candidate, path);
      paths.push(path);
    }
    outcomes.push({ location, accepted: true, paths });
  }
  return outcomes;
}

async function discover(options: TrustOptions): Promise<string[]> {
  if (options.prefix === undefined) {
    throw new TrustError(
      'TRUST_NO_SCOPE',
      '--root needs a key file or URL: keys are discovered only for a prefix',
    );
  }
  const found = await (options.discoverPubkeys ?? discoverPubkeysUnsupported)(options.prefix, options);
  if (found.length === 0) {
    throw new TrustError('KEY_FETCH_FAILED', `meta discovery on "${options.prefix}" found no keys`);
  }
  return found;
}
