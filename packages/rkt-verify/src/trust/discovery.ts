import { TrustError } from '../errors.js';

export interface DiscoverOptions {
  /** Plain HTTP allowed (--insecure-allow-http). */
  insecureAllowHttp: boolean;
  /** Skip TLS certificate checks (--insecure-options=tls). */
  skipTlsVerify: boolean;
  /** `host:port` to ask instead of the prefix's host (a `--prefix=127.0.0.1:8080/app`, as fetch names). */
  authority?: string;
}

/**
 * Finds the key URLs for a prefix with appc meta discovery (`ac-discovery-pubkeys`, walking up the
 * prefix until a level yields a key). discoverPubkeysByMeta is rkt trust's; fetch plugs in its own.
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
