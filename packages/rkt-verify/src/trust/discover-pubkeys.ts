import { parseDiscoveryMeta } from '../discovery/meta.js';
import { discoveryPrefixes, discoveryUrl, pubkeyUris } from '../discovery/walk.js';
import { messageOf, TrustError } from '../errors.js';
import type { DiscoverPubkeys } from './discovery.js';
import { getBytes } from './http-get.js';

const MAX_PAGE_BYTES = 1 << 20;
const TIMEOUT_MS = 20_000;

/**
 * `rkt trust --prefix=P` without KEY: appc meta discovery of `ac-discovery-pubkeys` for P, walking up
 * from P to its host and stopping at the first level that names a key. Each level is asked over
 * https, then over http only with insecureAllowHttp; a page found over https is not asked again.
 * No auth.d headers, as rkt trust sent none.
 */
export const discoverPubkeysByMeta: DiscoverPubkeys = async (prefix, options) => {
  const failures: string[] = [];
  for (const level of discoveryPrefixes(prefix)) {
    const schemes = options.insecureAllowHttp ? (['https', 'http'] as const) : (['https'] as const);
    for (const scheme of schemes) {
      const url = discoveryUrl(scheme, level, options.authority).href;
      let page: Uint8Array;
      try {
        page = await getBytes(url, {
          allowHttp: scheme === 'http',
          skipTlsVerify: options.skipTlsVerify,
          maxBytes: MAX_PAGE_BYTES,
          timeoutMs: TIMEOUT_MS,
        });
      } catch (e) {
        failures.push(`${url}: ${messageOf(e)}`);
        continue;
      }
      const uris = pubkeyUris(await parseDiscoveryMeta(Buffer.from(page).toString('utf8')), prefix);
      if (uris.length > 0) return uris;
      failures.push(`${url}: no ac-discovery-pubkeys for "${prefix}"`);
      break;
    }
  }
  throw new TrustError(
    'KEY_FETCH_FAILED',
    `meta discovery found no keys for prefix "${prefix}": ${failures.join('; ')}`,
    { hint: `Give the key as a file or https URL: rkt trust --prefix=${prefix} KEY` },
  );
};
