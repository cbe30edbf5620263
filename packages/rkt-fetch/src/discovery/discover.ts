import { RktError } from '@rkt/common';
import { CODES } from '../errors.js';
import { httpGet, type HttpContext } from '../http/get.js';
import { withRetries } from '../http/retry.js';
import type { ImageName } from '../image-name.js';
import {
  discoveryPrefixes,
  discoveryUrl,
  parseDiscoveryMeta,
  pubkeyUris,
  type MetaTag,
} from '@rkt/rkt-verify';
import { endpointsFor, type Endpoint } from './template.js';

const MAX_PAGE_BYTES = 1 << 20;

/**
 * appc meta discovery (appc.md §8): for the name and each parent prefix, GET
 * `https://<prefix>?ac-discovery=1` (then `http://` with --insecure-options=http), and stop at the
 * first level whose page yields an image endpoint. rkt uses only the first endpoint; so do we.
 */
export async function discoverEndpoint(image: ImageName, ctx: HttpContext): Promise<Endpoint> {
  const pick = (tags: MetaTag[]) => endpointsFor(tags, image.name, image.labels);
  const [endpoint] = await walk(image.name, image.authority, ctx, pick, 'ac-discovery template');
  ctx.debug?.(`discovered ${endpoint!.aci}`);
  return endpoint!;
}

/** The same walk for the `ac-discovery-pubkeys` of a name: the key URLs of the first level naming any. */
export function discoverPubkeyUrls(
  name: string,
  authority: string | undefined,
  ctx: HttpContext,
): Promise<string[]> {
  return walk(name, authority, ctx, (tags) => pubkeyUris(tags, name), 'ac-discovery-pubkeys');
}

async function walk<T>(
  name: string,
  authority: string | undefined,
  ctx: HttpContext,
  pick: (tags: MetaTag[]) => T[],
  what: string,
): Promise<[T, ...T[]]> {
  const failures: string[] = [];
  for (const prefix of discoveryPrefixes(name)) {
    const page = await fetchPage(prefix, authority, ctx, failures);
    if (page === undefined) continue;
    const found = pick(await parseDiscoveryMeta(page.text));
    if (found.length > 0) return found as [T, ...T[]];
    failures.push(`${page.url.href}: no matching ${what}`);
  }
  throw new RktError(CODES.discovery, `discovery failed for ${JSON.stringify(name)}: ${failures.join('; ')}`);
}

async function fetchPage(
  prefix: string,
  authority: string | undefined,
  ctx: HttpContext,
  failures: string[],
): Promise<{ url: URL; text: string } | undefined> {
  const schemes: ('https' | 'http')[] = ctx.insecure.has('http') ? ['https', 'http'] : ['https'];
  for (const [i, scheme] of schemes.entries()) {
    const url = discoveryUrl(scheme, prefix, authority);
    const last = i === schemes.length - 1;
    try {
      const text = await withRetries(
        () => getText(url, ctx),
        last ? ctx.settings : { retries: 0, retryDelayMs: 0 },
      );
      return { url, text };
    } catch (err) {
      if (!(err instanceof RktError)) throw err;
      failures.push(err.message);
    }
  }
  return undefined;
}

async function getText(url: URL, ctx: HttpContext): Promise<string> {
  const res = await httpGet(url, ctx);
  if (res.status !== 200) {
    res.body.destroy();
    throw new RktError(CODES.discovery, `GET ${url.href}: expected a 200 OK, got ${res.status}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAGE_BYTES) {
      res.body.destroy();
      throw new RktError(
        CODES.discovery,
        `GET ${url.href}: discovery page larger than ${MAX_PAGE_BYTES} bytes`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
