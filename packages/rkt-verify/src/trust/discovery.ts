import { TrustError } from '../errors.js';

export interface DiscoverOptions {
  /** Plain HTTP allowed (--insecure-allow-http). */
  insecureAllowHttp: boolean;
  /** Skip TLS certificate checks (--insecure-options=tls). */
  skipTlsVerify: boolean;
}

/**
 * Finds the key URLs for a prefix with appc meta discovery (`ac-discovery-pubkeys`, walking up the
 * prefix until a level yields a key). The fetch package's discovery plugs in here.
 */
export type DiscoverPubkeys = (prefix: string, options: DiscoverOptions) => Promise<string[]>;

export const discoverPubkeysUnsupported: DiscoverPubkeys = (prefix) =>
  Promise.reject(
    new TrustError(
      'DISCOVERY_UNSUPPORTED',
      `discovering the keys of prefix "${prefix}" is not yet supported`,
      {
        hint: `Give the key as a file or https URL: rkt trust --prefix=${prefix} KEY`,
      },
    ),
  );
