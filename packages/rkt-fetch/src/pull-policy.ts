import type { RemoteRecord } from '@rkt/store';
import type { PullPolicy } from './types.js';

/** What to do for an image name, given whether the store has a match (rkt.md §4.6). */
export type NameDecision = 'use-store' | 'discover' | 'missing';

export function decideForName(policy: PullPolicy, inStore: boolean): NameDecision {
  if (policy === 'update') return 'discover';
  if (inStore) return 'use-store';
  return policy === 'never' ? 'missing' : 'discover';
}

/** Headers that make a GET conditional on what the store already holds. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type UrlDecision =
  | { action: 'use-store'; key: string }
  | { action: 'download'; validators?: Validators }
  | { action: 'missing' };

/**
 * What to do for an image URL, given the store's remote record for it (only when its image is still
 * stored). `new` reuses any record; `update` reuses one younger than its Cache-Control max-age and
 * otherwise asks again with the recorded validators; `never` only reuses.
 */
export function decideForUrl(policy: PullPolicy, remote: RemoteRecord | undefined, now: number): UrlDecision {
  if (remote === undefined) return policy === 'never' ? { action: 'missing' } : { action: 'download' };
  if (policy !== 'update') return { action: 'use-store', key: remote.blobKey };
  if (now - remote.downloadTime < remote.cacheMaxAge * 1000)
    return { action: 'use-store', key: remote.blobKey };
  const validators: Validators = {};
  if (remote.etag !== undefined) validators.etag = remote.etag;
  if (remote.lastModified !== undefined) validators.lastModified = remote.lastModified;
  return validators.etag === undefined && validators.lastModified === undefined
    ? { action: 'download' }
    : { action: 'download', validators };
}

/** Request headers for a conditional GET. */
export function conditionalHeaders(validators: Validators | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators?.etag !== undefined) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified !== undefined) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

/** Seconds of Cache-Control max-age; 0 when absent, invalid, or caching is forbidden. */
export function cacheMaxAge(cacheControl: string | undefined): number {
  if (cacheControl === undefined) return 0;
  const directives = cacheControl.split(',').map((d) => d.trim().toLowerCase());
  if (directives.some((d) => d === 'no-cache' || d === 'no-store')) return 0;
  for (const d of directives) {
    const m = /^max-age\s*=\s*"?(\d+)"?$/.exec(d);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return 0;
}
