import { posix } from 'node:path';
import { RktError } from '@rkt/common';
import type { ImageRecord, RemoteRecord } from '@rkt/store';
import type { Fetched, FetchContext } from '../context.js';
import { discoverEndpoint } from '../discovery/discover.js';
import { CODES, FetchError } from '../errors.js';
import { httpGet, type HttpContext } from '../http/get.js';
import { withRetries } from '../http/retry.js';
import { showImageName, type ImageName } from '../image-name.js';
import { cacheMaxAge, conditionalHeaders, decideForUrl, type Validators } from '../pull-policy.js';
import { requireUnsignedAllowed } from '../signature.js';
import type { ProgressSink } from '../types.js';
import { checkDiscovered } from './check.js';
import { importInto, type ImportWanted } from './import.js';
import { notInStore } from './not-in-store.js';

interface UrlFetch extends ImportWanted {
  /** the detached signature's URL, recorded with the image */
  sigUrl?: string;
  /** where dependencies are discovered (default: the URL's host) */
  origin?: string;
  /** the signature requirement was already checked (discovery does it before any request) */
  signatureChecked?: boolean;
}

/** A name through appc discovery, then its first endpoint like any URL (rkt.md §5.2). */
export async function discoverAndFetch(
  ctx: FetchContext,
  image: ImageName,
  wanted: Omit<ImportWanted, 'check'>,
): Promise<Fetched> {
  requireUnsignedAllowed(ctx, JSON.stringify(showImageName(image)));
  const endpoint = await discoverEndpoint(image, await ctx.http());
  return fetchFromUrl(ctx, endpointUrl(endpoint.aci, image.name), {
    ...wanted,
    sigUrl: endpoint.asc,
    check: (m) => checkDiscovered(m, image),
    signatureChecked: true,
    ...(image.authority === undefined ? {} : { origin: image.authority }),
  });
}

/** An image URL under the pull policy, with the store's remote record for it (rkt.md §4.6). */
export async function fetchFromUrl(ctx: FetchContext, url: URL, wanted: UrlFetch): Promise<Fetched> {
  const origin = wanted.origin ?? url.host;
  const stored = await storedRemote(ctx, url.href, wanted.expectedId);
  const decision = decideForUrl(ctx.opts.pullPolicy, stored?.remote, Date.now());
  if (decision.action === 'missing') throw notInStore(url.href);
  if (decision.action === 'use-store' && stored !== undefined)
    return reuse(ctx, stored.image, wanted, origin);
  if (!wanted.signatureChecked) requireUnsignedAllowed(ctx, url.href);
  const http = await ctx.http();
  const validators = decision.action === 'download' ? decision.validators : undefined;
  return withRetries(
    () => download(ctx, http, url, { ...wanted, origin }, validators, stored),
    http.settings,
    ctx.opts.debug,
  );
}

async function download(
  ctx: FetchContext,
  http: HttpContext,
  url: URL,
  wanted: UrlFetch & { origin: string },
  validators: Validators | undefined,
  stored: { remote: RemoteRecord; image: ImageRecord } | undefined,
): Promise<Fetched> {
  const progress: { sink?: ProgressSink | undefined } = {};
  const res = await httpGet(url, http, conditionalHeaders(validators), (n) => progress.sink?.bytes(n));
  const now = Date.now();
  const fresh = {
    etag: res.headers.etag,
    lastModified: res.headers['last-modified'],
    cacheMaxAge: cacheMaxAge(res.headers['cache-control']),
    downloadTime: now,
  };
  if (res.status === 304 && stored !== undefined) {
    res.body.destroy();
    ctx.opts.debug?.(`${url.href}: not modified, using the stored image`);
    await ctx.store.putRemote({ ...stored.remote, ...defined(fresh) });
    return reuse(ctx, stored.image, wanted, wanted.origin);
  }
  if (res.status !== 200) {
    res.body.destroy();
    throw new FetchError(
      CODES.httpStatus,
      `GET ${res.url.href}: unexpected ${res.status} ${res.statusText}`.trimEnd(),
    );
  }
  progress.sink = await ctx.opts.progress?.(posix.basename(url.pathname), res.length);
  let result;
  try {
    result = await importInto(ctx, res.body, url.href, wanted);
  } finally {
    progress.sink?.done();
  }
  await ctx.store.putRemote({ url: url.href, sigUrl: wanted.sigUrl, blobKey: result.record.key, ...fresh });
  return { record: result.record, manifest: result.manifest, origin: wanted.origin };
}

function endpointUrl(text: string, name: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new RktError(CODES.discovery, `discovery for ${JSON.stringify(name)} gave an invalid URL: ${text}`);
  }
}

async function storedRemote(ctx: FetchContext, url: string, expectedId: string | undefined) {
  const remote = await ctx.store.getRemote(url);
  if (remote === undefined) return undefined;
  if (expectedId !== undefined && !remote.blobKey.startsWith(expectedId.slice(0, remote.blobKey.length))) {
    return undefined;
  }
  const image = await ctx.store.getImage(remote.blobKey);
  return image === undefined ? undefined : { remote, image };
}

async function reuse(
  ctx: FetchContext,
  image: ImageRecord,
  wanted: UrlFetch,
  origin: string,
): Promise<Fetched> {
  if (wanted.check !== undefined) wanted.check(await ctx.store.readManifest(image.key));
  return { record: image, origin };
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
