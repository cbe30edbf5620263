import { readFile } from 'node:fs/promises';
import { messageOf, TrustError } from '../errors.js';
import { httpsGetInsecure } from './insecure-get.js';

/** Largest key file accepted from a URL: keys are a few KiB; this bounds what a server can make us hold. */
export const MAX_KEY_BYTES = 1 << 20;
const TIMEOUT_MS = 120_000;

export interface KeyLocationOptions {
  insecureAllowHttp: boolean;
  skipTlsVerify: boolean;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/** The bytes at a key location: a local path, an https URL, or an http URL with insecureAllowHttp. */
export async function readKeyLocation(location: string, options: KeyLocationOptions): Promise<Uint8Array> {
  const scheme = SCHEME.exec(location)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return readFile(location).catch((e: unknown) => {
      throw new TrustError('KEY_READ_FAILED', `cannot read key file "${location}": ${messageOf(e)}`, {
        cause: e,
      });
    });
  }
  if (scheme !== 'http' && scheme !== 'https') {
    throw new TrustError(
      'KEY_LOCATION_UNSUPPORTED',
      `cannot get key "${location}": only local files and http or https URLs are supported`,
    );
  }
  if (scheme === 'http' && !options.insecureAllowHttp) {
    throw new TrustError('KEY_INSECURE_HTTP', `refusing to get key "${location}" over plain http`, {
      hint: 'Use an https URL, or pass --insecure-allow-http.',
    });
  }
  try {
    if (scheme === 'https' && options.skipTlsVerify)
      return await httpsGetInsecure(location, MAX_KEY_BYTES, TIMEOUT_MS);
    return await httpGet(location, options.insecureAllowHttp);
  } catch (e) {
    if (e instanceof TrustError) throw e;
    throw new TrustError('KEY_FETCH_FAILED', `cannot get key "${location}": ${messageOf(e)}`, { cause: e });
  }
}

async function httpGet(url: string, allowHttp: boolean): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!allowHttp && new URL(res.url).protocol !== 'https:') {
    await res.body?.cancel();
    throw new TrustError('KEY_INSECURE_HTTP', `refusing key "${url}": redirected to plain http (${res.url})`);
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new TrustError('KEY_FETCH_FAILED', `cannot get key "${url}": HTTP status ${res.status}`);
  }
  return readCapped(res.body, url);
}

async function readCapped(body: ReadableStream<Uint8Array> | null, url: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body === null) return new Uint8Array();
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > MAX_KEY_BYTES) {
      throw new TrustError('KEY_FETCH_FAILED', `cannot get key "${url}": larger than ${MAX_KEY_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
