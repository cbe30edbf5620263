import type { InsecureOptions } from '@rkt/common';
import { CODES, FetchError } from '../errors.js';
import type { HttpSettings } from '../types.js';
import { requestOnce, type HttpResponse } from './request.js';

export interface HttpContext {
  settings: HttpSettings;
  insecure: InsecureOptions;
  /** per-host headers (auth.d) for one URL */
  headersFor: (url: URL) => Record<string, string>;
  debug?: (message: string) => void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GET with redirects followed (bounded), plain http refused unless --insecure-options=http, and any
 * 4xx/5xx turned into `GET URL: 404 Not Found` (5xx transient). 2xx and 304 come back to the caller.
 */
export async function httpGet(
  url: URL,
  ctx: HttpContext,
  headers: Record<string, string> = {},
  onBytes?: (n: number) => void,
): Promise<HttpResponse> {
  let current = url;
  for (let hops = 0; ; hops++) {
    checkScheme(current, ctx.insecure);
    ctx.debug?.(`GET ${current.href}`);
    const res = await requestOnce(current, {
      headers: { ...headers, ...ctx.headersFor(current) },
      settings: ctx.settings,
      insecureTls: ctx.insecure.has('tls'),
      ...(onBytes === undefined ? {} : { onBytes }),
    });
    if (REDIRECTS.has(res.status)) {
      res.body.destroy();
      const location = res.headers.location;
      if (location === undefined) throw redirectError(current, `${res.status} without a Location header`);
      if (hops >= ctx.settings.maxRedirects) throw redirectError(url, `more than ${hops} redirects`);
      current = new URL(location, current);
      continue;
    }
    if (res.status >= 400) {
      res.body.destroy();
      throw new FetchError(
        CODES.httpStatus,
        `GET ${current.href}: ${res.status} ${res.statusText}`.trimEnd(),
        {
          transient: res.status >= 500,
        },
      );
    }
    return res;
  }
}

function checkScheme(url: URL, insecure: InsecureOptions): void {
  if (url.protocol === 'https:') return;
  if (url.protocol !== 'http:') {
    throw new FetchError(
      CODES.network,
      `GET ${url.href}: unsupported URL scheme ${JSON.stringify(url.protocol)}`,
    );
  }
  if (!insecure.has('http')) {
    throw new FetchError(CODES.insecureHttp, `refusing to fetch ${url.href} over plain HTTP`, {
      hint: 'use --insecure-options=http to allow it',
    });
  }
}

function redirectError(url: URL, reason: string): FetchError {
  return new FetchError(CODES.redirects, `GET ${url.href}: ${reason}`);
}
