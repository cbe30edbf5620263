import type { ImageManifest } from '@rkt/appc';
import type { ImageRecord, Store } from '@rkt/store';
import type { HttpContext } from './http/get.js';
import { DEFAULT_HTTP_SETTINGS } from './http/settings.js';
import type { FetchOptions } from './types.js';

/** What one fetchImages call shares between its images and their dependencies. */
export interface FetchContext {
  store: Store;
  opts: FetchOptions;
  render: boolean;
  /** the HTTP setup, auth.d loaded on first use */
  http: () => Promise<HttpContext>;
  /** dependencies already handled in this call (by imageID, else name and labels) */
  seen: Set<string>;
}

/** An image now in the store. */
export interface Fetched {
  record: ImageRecord;
  /** set when the image was imported during this call */
  manifest?: ImageManifest;
  /** host[:port] the image came from; dependencies named on that host are discovered there */
  origin?: string;
}

export function createContext(store: Store, opts: FetchOptions): FetchContext {
  let http: Promise<HttpContext> | undefined;
  return {
    store,
    opts,
    render: opts.render ?? process.geteuid?.() === 0,
    seen: new Set(),
    http: () => (http ??= makeHttp(opts)),
  };
}

async function makeHttp(opts: FetchOptions): Promise<HttpContext> {
  const { authHeaders } = await import('./http/auth.js');
  const auth = (await opts.auth?.()) ?? new Map();
  return {
    settings: { ...DEFAULT_HTTP_SETTINGS, ...opts.http },
    insecure: opts.insecure,
    headersFor: (url) => authHeaders(auth, url),
    ...(opts.debug === undefined ? {} : { debug: opts.debug }),
  };
}
