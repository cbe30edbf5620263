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
import type { ProgressSink } from '../types.js';
import { getSignature } from '../verify/get-signature.js';
import { openGate, type SignatureGate } from '../verify/gate.js';
import { requireSomeKey, trustedKeys, type TrustedKeys } from '../verify/keys.js';
import { signatureUrlFor } from '../verify/locations.js';
import { offerDiscoveredKeys } from '../verify/offer-keys.js';
import { checkDiscovered } from './check.js';
import { importDeferred } from './deferred.js';
import { importInto, type ImportWanted } from './import.js';
import { notInStore } from './not-in-store.js';

export interface UrlFetch extends ImportWanted {
  /** the detached signature's URL (default: the image URL's `.aci` → `.aci.asc`), recorded with the image */
  sigUrl?: string;
  /** where dependencies are discovered (default: the URL's host) */
  origin?: string;
  /** the keyring of the name discovery asked for; without it, every trusted key (see openGate) */
  keys?: TrustedKeys;
}

/**
 * A name through appc discovery, then its first endpoint like any URL (rkt.md §5.2). Unless
 * --insecure-options=image, the name's keyring is loaded first (keys discovered and offered when it
 * is empty), so an unknown signer fails before the image is downloaded.
 */
export async function discoverAndFetch(
  ctx: FetchContext,
  image: ImageName,
  wanted: Omit<ImportWanted, 'check'>,
): Promise<Fetched> {
  const keys = ctx.opts.insecure.has('image')
    ? undefined
    : await offerDiscoveredKeys(ctx, image, await trustedKeys(ctx, image.name));
  const endpoint = await discoverEndpoint(image, await ctx.http());
  ctx.opts.debug?.(`${showImageName(image)}: image ${endpoint.aci}, signature ${endpoint.asc}`);
  return fetchFromUrl(ctx, endpointUrl(endpoint.aci, image.name), {
    ...wanted,
    sigUrl: endpoint.asc,
    check: (m) => checkDiscovered(m, image),
    ...(keys === undefined ? {} : { keys }),
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
  const sigUrl = wanted.sigUrl ?? signatureUrlFor(url).href;
  let keys: TrustedKeys | undefined;
  if (!ctx.opts.insecure.has('image')) {
    keys = wanted.keys ?? (await trustedKeys(ctx, undefined));
    if (wanted.keys === undefined) requireSomeKey(keys, url.href);
  }
  const http = await ctx.http();
  const signature = keys === undefined ? undefined : await getSignature(new URL(sigUrl), url.href, http);
  const validators = decision.action === 'download' ? decision.validators : undefined;
  const verify = keys === undefined || signature === undefined ? undefined : { keys, signature };
  return withRetries(
    () => download(ctx, http, url, { ...wanted, origin, sigUrl }, validators, stored, verify),
    http.settings,
    ctx.opts.debug,
  );
}

/** The signature and keys of a verified download; `deferred` = the server answered 202 for it. */
interface Verify {
  keys: TrustedKeys;
  signature: Buffer | 'deferred';
}

async function download(
  ctx: FetchContext,
  http: HttpContext,
  url: URL,
  wanted: UrlFetch & { origin: string },
  validators: Validators | undefined,
  stored: { remote: RemoteRecord; image: ImageRecord } | undefined,
  verify: Verify | undefined,
): Promise<Fetched> {
  const gate = await gateFor(verify, url);
  const progress: { sink?: ProgressSink | undefined } = {};
  let res;
  try {
    res = await httpGet(url, http, conditionalHeaders(validators), (n) => progress.sink?.bytes(n));
  } catch (err) {
    gate?.abort();
    throw err;
  }
  const now = Date.now();
  const fresh = {
    etag: res.headers.etag,
    lastModified: res.headers['last-modified'],
    cacheMaxAge: cacheMaxAge(res.headers['cache-control']),
    downloadTime: now,
  };
  if (res.status !== 200) gate?.abort();
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
    result =
      verify?.signature === 'deferred'
        ? await importDeferred(ctx, http, res.body, url, { ...wanted, keys: verify.keys })
        : await importInto(ctx, res.body, url.href, { ...wanted, ...(gate === undefined ? {} : { gate }) });
  } finally {
    progress.sink?.done();
  }
  await ctx.store.putRemote({ url: url.href, sigUrl: wanted.sigUrl, blobKey: result.record.key, ...fresh });
  return { record: result.record, manifest: result.manifest, origin: wanted.origin };
}

async function gateFor(verify: Verify | undefined, url: URL): Promise<SignatureGate | undefined> {
  if (verify === undefined || verify.signature === 'deferred') return undefined;
  return openGate({ signature: verify.signature, keys: verify.keys, source: url.href });
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
